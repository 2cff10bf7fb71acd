// Preloaded with `node --import` by the benchmark: writes the process's peak memory when it exits.
import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  if (process.env.MAX_RSS_FILE) writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
