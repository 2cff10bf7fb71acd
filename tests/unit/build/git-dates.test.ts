import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { gitDates } from '../../../src/build/git-dates.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const run = (cwd: string, args: string[], input?: string) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    input,
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
      GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
    },
  });

/**
 * A source folder that is its own git checkout, with one agent committed in a commit that carries a (fake)
 * signature, so a signature check would start the signing program; then `config` is written into its
 * `.git/config`, with `$CANARY` standing for a script that leaves a file behind when anything runs it.
 */
function hostileCheckout(config: string): { dir: string; canary: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'git-dates-'));
  dirs.push(dir);
  const canary = path.join(dir, '..', `${path.basename(dir)}-ran`);
  dirs.push(canary);
  const script = path.join(dir, 'evil.sh');
  writeFileSync(script, `#!/bin/sh\ntouch '${canary}'\ncat >/dev/null 2>&1\nexit 0\n`);
  chmodSync(script, 0o755);
  mkdirSync(path.join(dir, 'core'));
  writeFileSync(path.join(dir, 'core/agent.md'), '---\nname: dated\ndescription: d\n---\nBody.\n');
  run(dir, ['init', '-q']);
  run(dir, ['-c', 'user.name=a', '-c', 'user.email=a@example.com', 'add', 'core/agent.md']);
  const tree = run(dir, ['write-tree']).trim();
  const signature = ['-----BEGIN PGP SIGNATURE-----', '', 'iQEzBAABCAAdFiEE', '-----END PGP SIGNATURE-----'].join('\n ');
  const commit = `tree ${tree}\nauthor a <a@example.com> 1767323045 +0000\ncommitter a <a@example.com> 1767323045 +0000\ngpgsig ${signature}\n\nSigned, supposedly.\n`;
  const id = run(dir, ['hash-object', '-w', '-t', 'commit', '--stdin'], commit).trim();
  run(dir, ['update-ref', 'HEAD', id]);
  writeFileSync(path.join(dir, '.git/config'), `[core]\n\trepositoryformatversion = 0\n${config.replaceAll('$CANARY', script)}\n`);
  return { dir, canary };
}

test.each([
  ['a signature check (log.showSignature with gpg.program)', '[log]\n\tshowSignature = true\n[gpg]\n\tprogram = $CANARY'],
  ['an SSH signature check (gpg.format ssh)', '[log]\n\tshowSignature = true\n[gpg]\n\tformat = ssh\n[gpg "ssh"]\n\tprogram = $CANARY'],
  ['a pager', '[core]\n\tpager = $CANARY\n[pager]\n\tlog = $CANARY'],
  ['an fsmonitor hook', '[core]\n\tfsmonitor = $CANARY'],
  ['an external diff', '[diff]\n\texternal = $CANARY'],
  ['hooks in a folder of its choosing', '[core]\n\thooksPath = hooks'],
  ['a config file it includes', '[include]\n\tpath = extra.config'],
])('reading git dates runs no program the repository names: %s', (_label, config) => {
  const { dir, canary } = hostileCheckout(config);
  writeFileSync(
    path.join(dir, '.git/extra.config'),
    '[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ' + path.join(dir, 'evil.sh') + '\n',
  );
  mkdirSync(path.join(dir, 'hooks'));
  for (const hook of ['post-checkout', 'pre-commit', 'reference-transaction', 'post-index-change']) {
    writeFileSync(path.join(dir, 'hooks', hook), `#!/bin/sh\ntouch '${canary}'\n`);
    chmodSync(path.join(dir, 'hooks', hook), 0o755);
  }
  const dates = gitDates(dir);
  expect(existsSync(canary), 'the program named by the repository ran').toBe(false);
  expect(dates?.get(path.join(dir, 'core/agent.md'))).toBe('2026-01-02T03:04:05Z');
});

test('the signing program of the first case does run when git is asked plainly, so the case tests something', () => {
  const { dir, canary } = hostileCheckout('[log]\n\tshowSignature = true\n[gpg]\n\tprogram = $CANARY');
  execFileSync('git', ['-C', dir, 'log', '-1'], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_PAGER: 'cat' },
  });
  expect(existsSync(canary)).toBe(true);
});
