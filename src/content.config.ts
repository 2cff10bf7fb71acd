import { defineCollection } from 'astro:content';
import { agentEntrySchema, sourceSummarySchema } from './lib/catalog/agent.ts';
import { categorySchema } from './lib/catalog/categories.ts';
import { agentsLoader, categoriesLoader, sourcesLoader } from './build/loader.ts';

export const collections = {
  agents: defineCollection({ loader: agentsLoader(), schema: agentEntrySchema }),
  categories: defineCollection({ loader: categoriesLoader(), schema: categorySchema }),
  sources: defineCollection({ loader: sourcesLoader(), schema: sourceSummarySchema }),
};
