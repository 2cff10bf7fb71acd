import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { agents } from '../../catalog.ts';

export const getStaticPaths = (() => agents.map((agent) => ({ params: { slug: agent.slug }, props: { absPath: agent.file.absPath } }))) satisfies GetStaticPaths;

/** The agent file's exact bytes, frontmatter and line endings included. */
export const GET: APIRoute = async ({ props }) => {
  const bytes = await readFile((props as { absPath: string }).absPath);
  return new Response(bytes, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
