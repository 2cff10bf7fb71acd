import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The date each file of a folder last changed in git, from one `git log` over the folder: ISO dates by
 * absolute path. Undefined when the folder is not in a git work tree.
 */
export function gitDates(folder: string): Map<string, string> | undefined {
  const top = spawnSync('git', ['-C', folder, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (top.status !== 0) return undefined;
  const root = top.stdout.trim();
  // %x00 marks each commit's date line; the file names follow. Newest commits come first, so the first date seen for a file is its last change.
  const log = spawnSync('git', ['-C', folder, 'log', '--format=%x00%cI', '--name-only', '--no-renames', '--', '.'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (log.status !== 0) return undefined;
  const dates = new Map<string, string>();
  let date = '';
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('\0')) date = new Date(line.slice(1)).toISOString().replace('.000Z', 'Z');
    else if (line !== '' && date !== '') {
      const file = path.join(root, line);
      if (!dates.has(file)) dates.set(file, date);
    }
  }
  return dates;
}
