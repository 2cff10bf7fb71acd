import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const workflowFile = path.join(root, 'templates/github-workflow.yml');

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Workflow {
  on: { pull_request: unknown; push: { branches: string[] } };
  env: Record<string, string>;
  jobs: Record<string, { if?: string; needs?: string; permissions?: Record<string, string>; steps: Step[] }>;
}
const workflow = parse(readFileSync(workflowFile, 'utf8')) as Workflow;
const step = (job: string, match: (s: Step) => boolean) => workflow.jobs[job]!.steps.find(match);

describe('the workflow a collection copies', () => {
  test('checks on every pull request and publishes from main', () => {
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.jobs['build']!.if).toContain("github.ref == 'refs/heads/main'");
    expect(workflow.jobs['deploy']!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  test('the check prints annotations and uploads SARIF, from the repository root', () => {
    expect(step('check', (s) => s.run?.includes('--format github') ?? false)!.run).toBe(
      'node .subagent-catalog/scripts/check-agents.ts --format github "$AGENTS_FOLDER"',
    );
    expect(step('check', (s) => s.run?.includes('--format sarif') ?? false)!['working-directory']).toBeUndefined();
    expect(step('check', (s) => s.uses?.startsWith('github/codeql-action/upload-sarif') ?? false)!.with).toMatchObject({
      sarif_file: 'subagent-catalog.sarif',
    });
    expect(workflow.jobs['check']!.permissions).toMatchObject({ 'security-events': 'write' });
  });

  test('the build takes the https address and the base path GitHub Pages gives the repository', () => {
    expect(step('build', (s) => s.uses?.startsWith('actions/configure-pages') ?? false)!.id).toBe('pages');
    expect(step('build', (s) => s.run === 'npm run build')!.env).toEqual({
      AGENTS_DIR: '${{ github.workspace }}/${{ env.AGENTS_FOLDER }}',
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    expect(step('build', (s) => s.uses?.startsWith('actions/upload-pages-artifact') ?? false)!.with).toEqual({
      path: '.subagent-catalog/dist',
    });
  });

  describe('its check command, run as the workflow runs it', () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'collection-'));
    afterAll(() => rmSync(repo, { recursive: true, force: true }));
    mkdirSync(path.join(repo, 'agents/review'), { recursive: true });
    writeFileSync(path.join(repo, 'agents/review/ok.md'), '---\nname: ok\ndescription: Use when testing.\ntools: Read\n---\nBody.\n');
    writeFileSync(path.join(repo, 'agents/review/broken.md'), '---\nname: broken\n---\nNo description.\n');
    const run = (format: string) =>
      spawnSync(process.execPath, [path.join(root, 'scripts/check-agents.ts'), '--format', format, workflow.env['AGENTS_FOLDER']!], {
        cwd: repo,
        encoding: 'utf8',
      });

    test('names each file by its path in the repository, and fails on an error', () => {
      const result = run('github');
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('::error file=agents/review/broken.md,line=1,col=1,title=description-missing::');
    });

    test('writes SARIF whose locations are paths in the repository', () => {
      const log = JSON.parse(run('sarif').stdout) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('agents/review/broken.md');
    });
  });
});
