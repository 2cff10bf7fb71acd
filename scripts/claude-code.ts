/**
 * The real Claude Code, asked which agents it loads. A pinned `@anthropic-ai/claude-code` is installed from
 * npm into a cache folder (never a dependency of the site) and started as `claude -p hi` in a scratch project,
 * with `HOME` in a scratch folder and the API pointed at a server on 127.0.0.1 that answers every request with
 * HTTP 500. Its first request to that server lists every subagent it loaded, one line each:
 * `- <name>: <description> (Tools: <tools>)`. That is the loader's own answer, with no account and no network:
 * every other address goes to a closed port on 127.0.0.1 through the proxy variables.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The npm package of Claude Code. */
export const CLAUDE_CODE_PACKAGE = '@anthropic-ai/claude-code';

/** Where versions of Claude Code are kept between runs: `CLAUDE_CODE_CACHE`, else the user's cache folder. */
export function claudeCodeCacheDir(): string {
  return (
    process.env['CLAUDE_CODE_CACHE'] ??
    path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'subagent-catalog', 'claude-code')
  );
}

/** The `claude` binary of a version, installed from npm into the cache folder on first use. */
export function installClaudeCode(version: string): string {
  const dir = path.join(claudeCodeCacheDir(), version);
  const binary = path.join(dir, 'node_modules', '.bin', 'claude');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    // Its own package.json keeps npm from walking up into a project that holds the cache folder.
    execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=false', `${CLAUDE_CODE_PACKAGE}@${version}`], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const printed = execFileSync(binary, ['--version'], { encoding: 'utf8', env: isolatedEnv(os.tmpdir(), 'http://127.0.0.1:9') }).trim();
  if (!printed.startsWith(`${version} `)) throw new Error(`${binary} says it is ${printed}, not ${version}`);
  return binary;
}

/** What `claude plugin validate --strict --json` says of a plugin folder or a marketplace.json: offline, in a scratch home. */
export interface PluginValidation {
  success: boolean;
  errors: unknown[];
  warnings: unknown[];
  /** The agents a plugin provides, as `plugin:agent`. */
  agents: string[];
  /** Everything it printed, for a failure message. */
  output: string;
}

export function validatePlugin(binary: string, target: string): PluginValidation {
  const home = mkdtempSync(path.join(os.tmpdir(), 'claude-validate-'));
  try {
    const result = spawnSync(binary, ['plugin', 'validate', '--strict', '--json', target], {
      encoding: 'utf8',
      env: isolatedEnv(home, 'http://127.0.0.1:9'),
      timeout: 120_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    const report = JSON.parse(result.stdout) as {
      success: boolean;
      manifest?: { errors?: unknown[]; warnings?: unknown[] };
      provides?: { agents?: string[] } | null;
    };
    return {
      success: report.success && result.status === 0,
      errors: report.manifest?.errors ?? [],
      warnings: report.manifest?.warnings ?? [],
      agents: report.provides?.agents ?? [],
      output,
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The environment Claude Code runs in: nothing of this machine's, and no address but 127.0.0.1. */
function isolatedEnv(home: string, baseUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    TERM: 'dumb',
    ANTHROPIC_API_KEY: 'conformance-probe',
    ANTHROPIC_BASE_URL: baseUrl,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    // Port 9 (discard) on loopback is closed: anything that is not the probe server goes nowhere.
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
  };
}

/** What Claude Code listed in its first request. */
export interface AgentListing {
  /** The agent list as Claude Code wrote it, from its first `- ` line to its last entry. */
  text: string;
}

const LIST_START = 'Available agent types for the Agent tool:\n';
/** What follows the list: in 2.1.332 a sentence about parallel agents; in releases around 2.1.250 the skill list. */
const LIST_ENDS = ['\n\nWhen you launch multiple agents', '\n\nThe following skills are available'];

/** Every string in a JSON value, depth first, so the list is found wherever the request carries it. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

/** The agent list inside a `/v1/messages` request body. */
export function agentListOf(body: string): AgentListing {
  const text = stringsOf(JSON.parse(body)).find((s) => s.includes(LIST_START));
  if (text === undefined) throw new Error('The request holds no agent list: has the format of Claude Code changed?');
  const start = text.indexOf(LIST_START) + LIST_START.length;
  const ends = LIST_ENDS.map((marker) => text.indexOf(marker, start)).filter((at) => at >= 0);
  return { text: text.slice(start, ends.length > 0 ? Math.min(...ends) : undefined) };
}

/**
 * Starts Claude Code in `project` (a folder holding `.claude/agents`) and returns the agent list of its first
 * request. `home` is the scratch home folder (its `.claude/agents` are the user's agents); by default an empty one.
 */
export async function loadedAgents(
  binary: string,
  project: string,
  options: { home?: string; timeoutMs?: number } = {},
): Promise<AgentListing> {
  const home = options.home ?? mkdtempSync(path.join(os.tmpdir(), 'claude-home-'));
  const ownHome = options.home === undefined;
  let child: ReturnType<typeof spawn> | undefined;
  const server = http.createServer();
  try {
    return await new Promise<AgentListing>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(
        () => reject(new Error(`Claude Code sent no request within ${options.timeoutMs ?? 60_000} ms. ${stderr.slice(-2000)}`)),
        options.timeoutMs ?? 60_000,
      );
      server.on('request', (request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end('{"type":"error","error":{"type":"api_error","message":"conformance probe"}}');
          if (request.method !== 'POST' || !request.url?.startsWith('/v1/messages')) return;
          clearTimeout(timer);
          try {
            resolve(agentListOf(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        child = spawn(binary, ['-p', 'hi'], {
          cwd: project,
          env: isolatedEnv(home, `http://127.0.0.1:${port}`),
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        child.stderr?.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
        child.on('error', (error) => reject(error));
        child.on('exit', (code, signal) =>
          reject(new Error(`Claude Code exited (${code ?? signal}) before its first request. ${stderr.slice(-2000)}`)),
        );
      });
    });
  } finally {
    child?.kill('SIGKILL');
    server.close();
    if (ownHome) rmSync(home, { recursive: true, force: true });
  }
}

/** Claude Code's own agents, which every list holds beside the project's. */
export const BUILT_IN_AGENTS: ReadonlySet<string> = new Set(['claude', 'Explore', 'general-purpose', 'Plan', 'statusline-setup']);

/**
 * Splits a list into its entries, given the names that may start one: a line that starts with `- <name>: `
 * for one of them starts an entry, and every other line continues the entry before it (descriptions can hold
 * line breaks). Returns the text of each entry by name, without the leading `- `.
 */
export function splitListing(listing: AgentListing, names: Iterable<string>): Map<string, string> {
  const known = new Set([...names, ...BUILT_IN_AGENTS]);
  const entries = new Map<string, string>();
  let current: { name: string; lines: string[] } | undefined;
  const flush = () => {
    if (current) entries.set(current.name, current.lines.join('\n'));
  };
  for (const line of listing.text.split('\n')) {
    const colon = line.indexOf(': ');
    const name = line.startsWith('- ') && colon > 2 ? line.slice(2, colon) : undefined;
    if (name !== undefined && known.has(name) && !entries.has(name) && current?.name !== name) {
      flush();
      current = { name, lines: [line.slice(2)] };
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { name: '', lines: [line] };
    }
  }
  flush();
  return entries;
}

/** A file to show Claude Code: where it is, where it goes inside `.claude/agents`, and the name it goes by. */
export interface ProbeFile {
  relPath: string;
  absPath: string;
  /** The name Claude Code lists it under, as far as the caller can tell: files that share one are shown apart. */
  name: string;
}

/** Puts files into groups in which no name repeats, since Claude Code keeps one agent per name in a folder. */
function batches<T extends ProbeFile>(files: readonly T[]): T[][] {
  const groups: { names: Set<string>; files: T[] }[] = [];
  for (const file of files) {
    let group = groups.find((g) => !g.names.has(file.name));
    if (!group) groups.push((group = { names: new Set(), files: [] }));
    group.names.add(file.name);
    group.files.push(file);
  }
  return groups.map((g) => g.files);
}

/**
 * Shows files to Claude Code, copied byte for byte into scratch projects (`.claude/agents/<relPath>`), and returns
 * what it listed for each file (the entry, without its `- `), or undefined for a file it did not load; and the
 * entries no file accounts for.
 */
export async function listedEntries(
  binary: string,
  files: readonly ProbeFile[],
): Promise<{ byFile: Map<string, string | undefined>; unexplained: string[] }> {
  const byFile = new Map<string, string | undefined>();
  const unexplained: string[] = [];
  for (const batch of batches(files)) {
    const project = mkdtempSync(path.join(os.tmpdir(), 'claude-probe-'));
    try {
      for (const file of batch) {
        const target = path.join(project, '.claude', 'agents', file.relPath);
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(file.absPath, target);
      }
      const entries = splitListing(
        await loadedAgents(binary, project),
        batch.map((f) => f.name),
      );
      for (const file of batch) {
        byFile.set(file.relPath, entries.get(file.name));
        entries.delete(file.name);
      }
      for (const [name, entry] of entries) if (!BUILT_IN_AGENTS.has(name)) unexplained.push(entry);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }
  return { byFile, unexplained };
}
