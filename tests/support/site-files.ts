import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The files of a built site that contain any of the given strings, as `file: string` lines. Gzipped files (the
 * search index) are read unzipped, so a path cannot hide in the index.
 */
export function filesContaining(outDir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    const text = bytes.toString('latin1');
    for (const needle of needles) if (text.includes(needle)) found.push(`${path.relative(outDir, file)}: ${needle}`);
  }
  return found;
}

/**
 * Links and sources in a built site's pages that lead nowhere: each `href` and `src` on the site (relative, or
 * absolute under `base`) must name a file of the build, or a folder with an index.html. Links to other sites
 * are not followed. Returns `page: link` lines.
 */
export function brokenLinks(outDir: string, base: string): string[] {
  const broken: string[] = [];
  const exists = (sitePath: string) => {
    const file = path.join(outDir, decodeURIComponent(sitePath));
    return sitePath.endsWith('/')
      ? existsSync(path.join(file, 'index.html'))
      : existsSync(file) && (statSync(file).isFile() || existsSync(path.join(file, 'index.html')));
  };
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(outDir, file).split(path.sep).join('/');
    const pageUrl = new URL(`${base}${relative.replace(/(^|\/)index\.html$/, '$1')}`, 'http://site.test');
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = match[1]!.replaceAll('&amp;', '&');
      if (raw.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(raw)) continue;
      const target = new URL(raw, pageUrl);
      if (target.origin !== pageUrl.origin || !target.pathname.startsWith(base) || !exists(target.pathname.slice(base.length)))
        broken.push(`${relative}: ${raw}`);
    }
  }
  return broken;
}
