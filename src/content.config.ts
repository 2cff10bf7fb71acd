import { defineCollection } from 'astro:content';
import { z } from 'zod';
import loaderOptions from 'virtual:subagent-catalog/loader';
import { catalogLoader } from './build/loader.ts';

export const collections = {
  // One entry, the snapshot's digest: see SNAPSHOT_ENTRY for why the agents themselves are not in the store.
  catalog: defineCollection({ loader: catalogLoader(loaderOptions), schema: z.object({ digest: z.string() }) }),
};
