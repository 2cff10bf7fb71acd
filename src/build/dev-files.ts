import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { publicationOf, type Publication } from '../lib/publish/publication.ts';
import { promptFrom } from '../lib/read/frontmatter.ts';
import { decodeText } from '../lib/read/text.ts';
import { agentJsonText, openDataTexts, OPEN_DATA_FILES } from './publish-files.ts';
import { readSnapshot } from './snapshot-file.ts';

const TYPES: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
};

/**
 * In `astro dev`, serves what a build publishes besides pages, made on request from the current snapshot, so
 * download, copy, the bundle and the open data work while an author edits: each agent's raw file (its bytes as
 * they are now on disk) and JSON, and the open-data files. The search index exists only in a build.
 */
export function serveCatalogFiles(snapshotFile: string, base: string) {
  let cached: { mtimeMs: number; publication: Publication; openData: Record<string, string> | undefined } | undefined;
  const current = () => {
    if (!existsSync(snapshotFile)) return undefined;
    const { mtimeMs } = statSync(snapshotFile);
    if (cached?.mtimeMs !== mtimeMs)
      cached = { mtimeMs, publication: publicationOf(readSnapshot(snapshotFile), { url: undefined, base }), openData: undefined };
    return cached;
  };
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://dev.invalid').pathname);
    if (!pathname.startsWith(base)) return next();
    const sitePath = pathname.slice(base.length).replace(/^\/+/, '');
    const agentFile = /^agents\/([^/]+)\.(md|json)$/.exec(sitePath);
    const isOpenData = (OPEN_DATA_FILES as readonly string[]).includes(sitePath);
    if (!agentFile && !isOpenData) return next();
    const state = current();
    if (!state) return next();
    const send = (body: string | Buffer, type: string) => {
      response.statusCode = 200;
      response.setHeader('Content-Type', type);
      response.end(body);
    };
    if (isOpenData) {
      state.openData ??= openDataTexts(state.publication).texts;
      return send(state.openData[sitePath]!, TYPES[sitePath.slice(sitePath.lastIndexOf('.'))]!);
    }
    const agent = state.publication.agents.find((a) => a.slug === agentFile![1]);
    if (!agent) return next();
    let bytes: Buffer;
    try {
      bytes = readFileSync(agent.absPath);
    } catch {
      return next();
    }
    if (agentFile![2] === 'md') return send(bytes, TYPES['.md']!);
    return send(agentJsonText(agent, promptFrom(decodeText(bytes).text, agent.bodyLine)), TYPES['.json']!);
  };
}
