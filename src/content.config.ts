import { defineCollection } from 'astro:content';
import { agentsLoader, categoriesLoader, skippedLoader, sourcesLoader } from './lib/loader.ts';
import { agentSchema, categorySchema, skippedFileSchema, sourceSummarySchema } from './lib/schema.ts';

export const collections = {
  agents: defineCollection({ loader: agentsLoader(), schema: agentSchema }),
  categories: defineCollection({ loader: categoriesLoader(), schema: categorySchema }),
  skipped: defineCollection({ loader: skippedLoader(), schema: skippedFileSchema }),
  sources: defineCollection({ loader: sourcesLoader(), schema: sourceSummarySchema }),
};
