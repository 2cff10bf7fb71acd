import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CatalogSnapshot } from '../lib/catalog/snapshot.ts';
import { exportAgent } from '../lib/publish/other-tools.ts';
import { exportSiteSuffix, OTHER_TOOLS, type OtherTool } from '../lib/publish/other-tool-files.ts';
import { publicationOf, type Publication } from '../lib/publish/publication.ts';
import { pluginArchive, planServedMarketplaceOf, type ServedPlugin } from '../lib/publish/served-marketplace.ts';
import { compressFile } from '../lib/publish/zip.ts';
import { promptFrom } from '../lib/read/frontmatter.ts';
import { decodeText } from '../lib/read/text.ts';
import { agentJsonText, openDataTexts, OPEN_DATA_FILES } from './publish-files.ts';
import { readSnapshot } from './snapshot-file.ts';

const TYPES: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.toml': 'application/toml; charset=utf-8',
  '.zip': 'application/zip',
};

/** What an agent's files end in after its slug: its raw file, its JSON, and its file for each other tool. */
const AGENT_FILE_SUFFIXES = new Map<string, OtherTool | 'raw' | 'json'>([
  ['.md', 'raw'],
  ['.json', 'json'],
  ...OTHER_TOOLS.map((tool) => [exportSiteSuffix(tool), tool] as const),
]);

/** An agent's file, `agents/<slug><suffix>`, as its slug and what it is; undefined for any other path. */
function agentFileOf(sitePath: string): { slug: string; kind: OtherTool | 'raw' | 'json'; type: string } | undefined {
  const match = /^agents\/([^/.]+)(\..+)$/.exec(sitePath);
  const kind = match ? AGENT_FILE_SUFFIXES.get(match[2]!) : undefined;
  return match && kind ? { slug: match[1]!, kind, type: TYPES[match[2]!.slice(match[2]!.lastIndexOf('.'))]! } : undefined;
}

/** The bytes of a file, or nothing when it cannot be read (it was removed or renamed since the snapshot). */
function bytesOrNothing(absPath: string): Buffer | undefined {
  try {
    return readFileSync(absPath);
  } catch {
    return undefined;
  }
}

/**
 * In `astro dev`, serves what a build publishes besides pages, made on request from the current snapshot, so
 * download, copy, the bundle, the other tools' files, the plugin archives and the open data work while an author
 * edits: each agent's raw file (its bytes as they are now on disk), its JSON and its file for each other tool,
 * each plugin archive, and the open-data files. The search index exists only in a build, and `/marketplace.json`
 * only with an https address, which a dev server has not.
 */
export function serveCatalogFiles(
  snapshotFile: string,
  base: string,
  marketplace: { name: string; owner?: string | undefined } | undefined,
) {
  let cached:
    | {
        mtimeMs: number;
        snapshot: CatalogSnapshot;
        publication: Publication;
        openData: Record<string, string> | undefined;
        plugins: Map<string, ServedPlugin> | undefined;
      }
    | undefined;
  const current = () => {
    if (!existsSync(snapshotFile)) return undefined;
    const { mtimeMs } = statSync(snapshotFile);
    if (cached?.mtimeMs !== mtimeMs) {
      const snapshot = readSnapshot(snapshotFile);
      cached = {
        mtimeMs,
        snapshot,
        publication: publicationOf(snapshot, { url: undefined, base }),
        openData: undefined,
        plugins: undefined,
      };
    }
    return cached;
  };
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://dev.invalid').pathname);
    if (!pathname.startsWith(base)) return next();
    const sitePath = pathname.slice(base.length).replace(/^\/+/, '');
    const agentFile = agentFileOf(sitePath);
    const isOpenData = (OPEN_DATA_FILES as readonly string[]).includes(sitePath);
    const isArchive = /^plugins\/[^/]+\.zip$/.test(sitePath);
    if (!agentFile && !isOpenData && !isArchive) return next();
    const state = current();
    if (!state) return next();
    const send = (body: string | Uint8Array, type: string) => {
      response.statusCode = 200;
      response.setHeader('Content-Type', type);
      response.end(body);
    };
    if (isOpenData) {
      state.openData ??= openDataTexts(state.publication).texts;
      return send(state.openData[sitePath]!, TYPES[sitePath.slice(sitePath.lastIndexOf('.'))]!);
    }
    if (isArchive) {
      state.plugins ??= new Map(planServedMarketplaceOf(state.snapshot, marketplace).plugins.map((p) => [p.archivePath, p]));
      const plugin = state.plugins.get(sitePath);
      if (!plugin) return next();
      const files = new Map(plugin.agents.map((agent) => [agent.absPath, bytesOrNothing(agent.absPath)]));
      if ([...files.values()].some((bytes) => bytes === undefined)) return next();
      return send(
        pluginArchive(plugin, (agent) => compressFile(files.get(agent.absPath)!)),
        TYPES['.zip']!,
      );
    }
    const agent = state.publication.agents.find((a) => a.slug === agentFile!.slug);
    if (!agent) return next();
    const bytes = bytesOrNothing(agent.absPath);
    if (!bytes) return next();
    const { kind, type } = agentFile!;
    if (kind === 'raw') return send(bytes, type);
    const prompt = promptFrom(decodeText(bytes).text, agent.bodyLine);
    if (kind === 'json') return send(agentJsonText(agent, prompt), type);
    return send(exportAgent({ ...agent.exportSource, prompt }, kind).text, type);
  };
}
