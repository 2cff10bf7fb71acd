/** Said when the search index cannot be loaded: always so in `npm run dev`, which builds none. */
export const SEARCH_UNAVAILABLE = import.meta.env.DEV
  ? 'Search needs a build: npm run dev has no search index. Run npm start to build and serve the site.'
  : 'Search could not load. Reload the page to try again.';
