import { defineCollection } from 'astro:content';
import { agentEntrySchema, sourceSummarySchema } from './lib/agent.ts';
import { categorySchema } from './lib/categories.ts';
import { agentsLoader, categoriesLoader, sourcesLoader } from './lib/loader.ts';

export const collections = {
  agents: defineCollection({ loader: agentsLoader(), schema: agentEntrySchema }),
  categories: defineCollection({ loader: categoriesLoader(), schema: categorySchema }),
  sources: defineCollection({ loader: sourcesLoader(), schema: sourceSummarySchema }),
};
