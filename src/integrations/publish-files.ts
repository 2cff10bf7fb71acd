import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BuildManifest } from '../lib/build-manifest.ts';
import { atomFeed, llmsTxt, robotsTxt, type DatedRecord } from '../lib/feeds.ts';
import { agentFileSchema, agentsFileSchema, OPEN_DATA_VERSION } from '../lib/open-data.ts';
import { gitDates } from './git-dates.ts';

/** Copies many files with a few at a time in flight; returns the ones that failed, with why. */
async function copyAll(pairs: readonly [from: string, to: string][]): Promise<string[]> {
  const failed: string[] = [];
  const queue = [...pairs];
  const worker = async () => {
    for (let pair = queue.pop(); pair; pair = queue.pop()) {
      try {
        await copyFile(pair[0], pair[1]);
      } catch (error) {
        failed.push(`${path.basename(pair[1])}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return failed;
}

/** Publishes each agent file byte for byte at `agents/<slug>.md`, and its JSON at `agents/<slug>.json`, by copying rather than rendering. */
export async function copyAgentFiles(manifest: BuildManifest, outDir: string): Promise<string[]> {
  const folder = path.join(outDir, 'agents');
  await mkdir(folder, { recursive: true });
  const json = (await readdir(manifest.agentJsonDir)).map((name): [string, string] => [path.join(manifest.agentJsonDir, name), path.join(folder, name)]);
  // A source file can change or vanish after the scan: its page stays, and the caller reports it.
  return copyAll([...manifest.agents.map((a): [string, string] => [a.absPath, path.join(folder, `${a.slug}.md`)]), ...json]);
}

/** Writes the open data: agents.json with its JSON Schemas, llms.txt and llms-full.txt, the Atom feed, and robots.txt. */
export async function writeOpenData(manifest: BuildManifest, outDir: string): Promise<{ feedEntries: number; undated: string[] }> {
  const records = manifest.agents.map((a) => a.record);
  const file = agentsFileSchema.parse({ version: OPEN_DATA_VERSION, site: manifest.site.url ?? null, count: records.length, agents: records });
  const write = (name: string, text: string) => writeFile(path.join(outDir, name), text);
  const schema = (s: z.ZodType, id: string) => `${JSON.stringify({ $id: id, ...z.toJSONSchema(s) }, null, 2)}\n`;
  const site = manifest.site.url ? new URL(manifest.site.base, manifest.site.url).href : manifest.site.base;
  const dated: DatedRecord[] = [];
  const undated: string[] = [];
  for (const source of manifest.sources) {
    const dates = gitDates(source.absDir);
    if (!dates) {
      undated.push(source.label);
      continue;
    }
    for (const agent of manifest.agents) {
      const updated = agent.sourceId === source.id ? dates.get(agent.absPath) : undefined;
      if (updated) dated.push({ record: agent.record, updated });
    }
  }
  await Promise.all([
    write('agents.json', `${JSON.stringify(file)}\n`),
    write('agents.schema.json', schema(agentsFileSchema, `${site}agents.schema.json`)),
    write('agent.schema.json', schema(agentFileSchema, `${site}agent.schema.json`)),
    write('llms.txt', llmsTxt(records, { full: false })),
    write('llms-full.txt', llmsTxt(records, { full: true })),
    write('feed.xml', atomFeed(dated, { siteUrl: site, feedUrl: `${site}feed.xml`, undatedSources: undated })),
    write('robots.txt', robotsTxt(manifest.site.url ? `${site}sitemap-index.xml` : undefined)),
  ]);
  return { feedEntries: Math.min(dated.length, 100), undated };
}

/** Moves a finished build to its folder outside the project (see astro.config.mjs for why it was built elsewhere). */
export function moveSite(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
