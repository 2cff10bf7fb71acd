import type { APIRoute } from 'astro';
import { installScripts, categoryLists } from '../../../catalog.ts';

export const getStaticPaths = () => categoryLists.map(({ id, list }) => ({ params: { category: id }, props: { list } }));

/** The sh script that installs (or removes) every agent of the list. */
export const GET: APIRoute = ({ props }) =>
  new Response(installScripts((props as { list: Parameters<typeof installScripts>[0] }).list).sh, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
