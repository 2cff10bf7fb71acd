/**
 * The one inline script: it runs before first paint so a saved theme never flashes the other one. It lives here,
 * as text, so the layout prints it and astro.config.mjs hashes the very same bytes for the Content-Security-Policy.
 */
export const THEME_SCRIPT = `try {
  const saved = localStorage.getItem('theme');
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
} catch {
  // Storage is blocked: follow the system setting.
}`;
