import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Git settings that override whatever a source's own repository sets. A source may ship its own `.git` (a copied
 * checkout, an unpacked archive), and its `.git/config` could name programs for git to run: a signature checker
 * (`log.showSignature` with `gpg.program`), a pager, an fsmonitor hook, an external diff, hooks. Settings given
 * with `-c` win over every config file, so none of those can be reached; the environment leaves out the user's
 * and the system's config too.
 */
const HARDENED_CONFIG = [
  'core.pager=cat',
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.editor=false',
  'core.askPass=false',
  'core.sshCommand=false',
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'diff.external=',
  'credential.helper=',
].flatMap((setting) => ['-c', setting]);

/** The environment git runs in: no pager, no prompts, no global or system config, no replace objects. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'SYSTEMROOT'])
    if (process.env[key] !== undefined) env[key] = process.env[key];
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
  };
}

/** Runs git in a folder with the overrides above. */
function git(folder: string, args: readonly string[]): ReturnType<typeof spawnSync> {
  return spawnSync('git', ['--no-pager', ...HARDENED_CONFIG, '-C', folder, ...args], {
    encoding: 'utf8',
    env: gitEnv(),
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The date each file of a folder last changed in git, from one `git log` over the folder: ISO dates by
 * absolute path. Undefined when the folder is not in a git work tree. Runs no program that the repository names.
 */
export function gitDates(folder: string): Map<string, string> | undefined {
  const top = git(folder, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) return undefined;
  const root = String(top.stdout).trim();
  // %x00 marks each commit's date line; the file names follow. Newest commits come first, so the first date seen for a file is its last change.
  const log = git(folder, [
    'log',
    '--no-show-signature',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--no-mailmap',
    '--format=%x00%cI',
    '--name-only',
    '--no-renames',
    '--',
    '.',
  ]);
  if (log.status !== 0) return undefined;
  const dates = new Map<string, string>();
  let date = '';
  for (const line of String(log.stdout).split('\n')) {
    if (line.startsWith('\0')) date = new Date(line.slice(1)).toISOString().replace('.000Z', 'Z');
    else if (line !== '' && date !== '') {
      const file = path.join(root, line);
      if (!dates.has(file)) dates.set(file, date);
    }
  }
  return dates;
}
