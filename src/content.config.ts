import { defineCollection } from 'astro:content';
import { agentsLoader, categoriesLoader, sourcesLoader } from './lib/loader.ts';
import { agentSchema, categorySchema, sourceSummarySchema } from './lib/schema.ts';

export const collections = {
  agents: defineCollection({ loader: agentsLoader(), schema: agentSchema }),
  categories: defineCollection({ loader: categoriesLoader(), schema: categorySchema }),
  sources: defineCollection({ loader: sourcesLoader(), schema: sourceSummarySchema }),
};
