import { mergedAgentsJson } from '../lib/fields/claude-agents.ts';
import {
  agentFolders,
  commandTable,
  installCommand,
  type InstallItem,
  type InstallScope,
  type InstallShell,
} from '../lib/publish/install.ts';
import { exportFileName, exportSitePath, OTHER_TOOL_FOLDERS, OTHER_TOOLS } from '../lib/publish/other-tool-files.ts';
import { bundleSummary, installableAgents, type BundleAgent } from '../lib/publish/bundle.ts';
import { copyText } from './clipboard.ts';
import { onBundleChange, readBundle, setInBundle, writeBundle } from './bundle-store.ts';

const PARAM = 'agents';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Loads one agent's JSON file; undefined when the catalogue no longer has it. */
async function loadAgent(base: string, slug: string): Promise<BundleAgent | undefined> {
  const response = await fetch(`${base}agents/${slug}.json`);
  return response.ok ? ((await response.json()) as BundleAgent) : undefined;
}

function commandBlocks(items: InstallItem[]): HTMLElement[] {
  const table = commandTable(items);
  const shells: [InstallShell, string][] = [
    ['posix', 'macOS, Linux, WSL'],
    ['powershell', 'Windows PowerShell'],
  ];
  const scopes: [InstallScope, string][] = [
    ['user', 'For all your projects (~/.claude/agents)'],
    ['project', 'For this project only (.claude/agents)'],
  ];
  return shells.map(([shell, label], index) => {
    const details = el('details', 'rounded border border-border p-2');
    details.open = index === 0;
    details.dataset['shell'] = shell;
    details.append(el('summary', 'cursor-pointer text-sm font-medium', label));
    for (const [scope, scopeLabel] of scopes) {
      for (const action of ['install', 'remove'] as const)
        details.append(
          commandBlock(
            `${shell}-${scope}-${action}`,
            action === 'install' ? scopeLabel : 'Remove again',
            `Copy the ${action} command: ${scopeLabel}, ${label}`,
            table[shell][scope][action],
          ),
        );
    }
    return details;
  });
}

/** A block with one copyable command, as the Claude Code blocks have. */
function commandBlock(key: string, title: string, aria: string, text: string): HTMLElement {
  const block = el('div', 'mt-2 min-w-0');
  block.dataset['command'] = key;
  const head = el('div', 'command-head');
  const copy = el('button', 'small-button', 'Copy');
  copy.type = 'button';
  copy.setAttribute('aria-label', aria);
  copy.addEventListener('click', () => void copyText(text).then((ok) => (copy.textContent = ok ? 'Copied' : 'Copy failed')));
  head.append(el('span', 'text-sm', title), copy);
  const pre = el('pre', 'command-text');
  pre.append(el('code', '', text));
  block.append(head, pre);
  return block;
}

/** Per other tool, one command per shell that writes the set's files for it into the project (one file per file name). */
function otherToolBlocks(agents: readonly { name: string; slug: string }[], siteBase: string): HTMLElement {
  const details = el('details', 'rounded border border-border p-2');
  details.dataset['otherTools'] = '';
  details.append(el('summary', 'cursor-pointer text-sm font-medium', 'For other tools'));
  for (const tool of OTHER_TOOLS) {
    const folders = OTHER_TOOL_FOLDERS[tool];
    const seen = new Set<string>();
    const items = agents.flatMap((agent) => {
      const fileName = exportFileName(agent, tool);
      if (seen.has(fileName)) return [];
      seen.add(fileName);
      return [{ url: new URL(exportSitePath(agent.slug, tool), siteBase).href, fileName }];
    });
    const into = agentFolders(folders.user, folders.project);
    for (const [shell, label, key] of [
      ['posix', 'macOS, Linux, WSL', `${tool}-project-install`],
      ['powershell', 'Windows PowerShell', `${tool}-project-install-powershell`],
    ] as const)
      details.append(
        commandBlock(
          key,
          `${folders.label} (${folders.project}), ${label}`,
          `Copy the ${folders.label} install command, ${label}`,
          installCommand(items, 'project', shell, into),
        ),
      );
  }
  return details;
}

/**
 * The bundle page: loads the chosen agents' JSON files, shows what the set costs in every conversation,
 * what it may do, which MCP servers it needs and what Claude Code would skip, and offers one install
 * command, one remove command, a .zip of the exact files and the `claude --agents` form.
 */
export function attachBundleView(root: HTMLElement): void {
  const base = root.dataset['base'] ?? '/';
  const origin = location.origin;
  const status = root.querySelector<HTMLElement>('[data-bundle-status]')!;
  const body = root.querySelector<HTMLElement>('[data-bundle-body]')!;
  const list = root.querySelector<HTMLUListElement>('[data-bundle-list]')!;
  const summaryBox = root.querySelector<HTMLElement>('[data-bundle-summary]')!;
  const commands = root.querySelector<HTMLElement>('[data-bundle-commands]')!;
  const copyStatus = root.querySelector<HTMLElement>('[data-bundle-copy-status]')!;
  // A shared link adds its agents to this browser's bundle; nothing already chosen is lost.
  const shared = new URLSearchParams(location.search).get(PARAM);
  if (shared) writeBundle([...readBundle(), ...shared.split(',').filter((s) => /^[a-z0-9-]+$/.test(s))]);
  let loaded: BundleAgent[] = [];
  /** The agents one folder can hold: what the commands, the .zip and the JSON install. */
  let installable: BundleAgent[] = [];
  let ticket = 0;

  const render = async (slugs: string[]) => {
    const mine = ++ticket;
    const url = new URL(location.href);
    if (slugs.length > 0) url.searchParams.set(PARAM, slugs.join(','));
    else url.searchParams.delete(PARAM);
    history.replaceState(null, '', url);
    if (slugs.length === 0) {
      body.hidden = true;
      status.textContent = 'The bundle is empty.';
      status.dataset['count'] = '0';
      return;
    }
    status.textContent = 'Loading the bundle…';
    const agents = await Promise.all(slugs.map((slug) => loadAgent(base, slug)));
    if (mine !== ticket) return;
    loaded = agents.filter((a): a is BundleAgent => a !== undefined);
    const missing = slugs.filter((_, i) => agents[i] === undefined);
    const summary = bundleSummary(loaded);
    const { kept, leftOut } = installableAgents(loaded);
    installable = kept;
    list.replaceChildren(
      ...loaded.map((agent) => {
        const item = el('li', 'flex flex-wrap items-center justify-between gap-2 border-b border-border pb-2');
        item.dataset['bundleAgent'] = agent.slug;
        const link = el('a', 'font-semibold text-accent hover:underline', agent.name);
        link.href = `${base}agents/${agent.slug}/`;
        const info = el('span', 'text-sm text-muted', ` ${agent.category.label} · ${agent.descriptionCost.characters} characters`);
        const left = el('span', 'min-w-0 break-words');
        left.append(link, info);
        if (agent.verdict === 'skipped') left.append(el('span', 'ml-2 text-sm font-semibold text-err', 'Claude Code skips it'));
        if (agent.commands.length > 0) left.append(el('span', 'ml-2 text-sm font-semibold text-err', 'Runs commands on your machine'));
        const remove = el('button', 'small-button', 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', `Remove ${agent.name} from the bundle`);
        remove.addEventListener('click', () => setInBundle(agent.slug, false));
        item.append(left, remove);
        return item;
      }),
    );
    const rows: [string, string][] = [
      ...(summary.runsCommands.length > 0
        ? ([['Runs commands on your machine', summary.runsCommands.map((r) => `${r.name}: ${r.command} (${r.origin})`).join('; ')]] as [
            string,
            string,
          ][])
        : []),
      ['Agents', `${loaded.length}`],
      ['Description cost', `${summary.characters} characters, about ${summary.tokens} tokens, added to every conversation`],
      ['Permissions', summary.permissions.join(', ') || 'Read-only'],
      [
        'MCP servers needed',
        summary.mcpServers.length > 0
          ? `${summary.mcpServers.join(', ')}: configure each separately (claude mcp add, or .mcp.json)`
          : 'None',
      ],
      ['Claude Code would skip', summary.skipped.length > 0 ? summary.skipped.join(', ') : 'None'],
    ];
    if (summary.clashes.length > 0) rows.push(['Same file name', `${summary.clashes.join(', ')}: one folder holds one file of each name`]);
    if (leftOut.length > 0) {
      const said = leftOut.map(
        ({ agent, instead }) => `${agent.name} (${agent.source.label}), since ${instead.name} (${instead.source.label}) takes its place`,
      );
      rows.push([
        'Left out of the install',
        `${said.join('; ')}. The commands, the .zip and the JSON install the same files; remove one from the bundle to install the other.`,
      ]);
    }
    if (missing.length > 0) rows.push(['No longer in the catalogue', missing.join(', ')]);
    summaryBox.replaceChildren(...rows.flatMap(([term, value]) => [el('dt', 'font-semibold', term), el('dd', 'break-words', value)]));
    summaryBox.dataset['tokens'] = String(summary.tokens);
    commands.replaceChildren(
      ...commandBlocks(kept.map((a) => ({ url: new URL(a.rawUrl, `${origin}${base}`).href, fileName: a.fileName, sha256: a.sha256 }))),
      otherToolBlocks(kept, `${origin}${base}`),
    );
    body.hidden = false;
    status.textContent = `${loaded.length} agent${loaded.length === 1 ? '' : 's'} in the bundle.`;
    status.dataset['count'] = String(loaded.length);
  };

  const announce = (text: string) => (copyStatus.textContent = text);
  root.querySelector('[data-bundle-json]')!.addEventListener('click', () => {
    void copyText(mergedAgentsJson(installable.map((a) => a.claudeAgents as Record<string, unknown>))).then((ok) =>
      announce(ok ? 'Copied the claude --agents JSON' : 'Copying failed'),
    );
  });
  root
    .querySelector('[data-bundle-share]')!
    .addEventListener('click', () => void copyText(location.href).then((ok) => announce(ok ? 'Copied the link' : 'Copying failed')));
  root.querySelector('[data-bundle-clear]')!.addEventListener('click', () => writeBundle([]));
  const downloadZip = async () => {
    const { zipSync } = await import('fflate');
    const files: Record<string, Uint8Array> = {};
    for (const agent of installable) {
      const response = await fetch(new URL(agent.rawUrl, `${origin}${base}`));
      files[agent.fileName] = new Uint8Array(await response.arrayBuffer());
    }
    const zip = zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
    const link = el('a', '');
    link.href = URL.createObjectURL(new Blob([zip], { type: 'application/zip' }));
    link.download = 'claude-agents.zip';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  root.querySelector('[data-bundle-zip]')!.addEventListener('click', () => void downloadZip());
  onBundleChange((slugs) => void render(slugs));
}
