import type { APIRoute } from 'astro';
import { rowsData } from '../../catalog.ts';

/** Every agent as a compact row: lists load it when someone sorts or filters them. */
export const GET: APIRoute = () => new Response(JSON.stringify(rowsData), { headers: { 'Content-Type': 'application/json' } });
