/** The catalogue's settings as pages may show them: validated once, by the integration (src/build/virtual-modules.ts). */
declare module 'virtual:subagent-catalog/config' {
  const config: import('./build/virtual-modules.ts').PageConfig;
  export default config;
}

/** What the content loader needs: the sources with their folders, strict mode, and where the snapshot goes. */
declare module 'virtual:subagent-catalog/loader' {
  const options: import('./build/loader.ts').CatalogLoaderOptions;
  export default options;
}
