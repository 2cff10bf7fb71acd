/**
 * `npm run build`: runs `astro build` in a child process started with the memory settings of
 * src/build/build-env.ts, which a process cannot give itself once it runs.
 *
 *   npm run build [-- astro build options]
 *   npm run build:low-memory      # the same with --low-memory: about 1.4 times as slow, and 80 MiB less at 10,000 agents
 *
 * Prints what a user needs (warnings, errors, the summary of each source and where to read every finding) and
 * leaves out Astro's list of every route and the build's internal steps; `--verbose` prints everything.
 * Exits as the build does.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildCommand, isRoutineBuildLine } from '../src/build/build-env.ts';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const command = buildCommand(process.argv.slice(2), process.env, astro);
const verbose = process.argv.includes('--verbose');
const child = spawn(process.execPath, command.nodeArgs, { env: command.env, stdio: ['inherit', verbose ? 'inherit' : 'pipe', 'inherit'] });
if (child.stdout) {
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    if (!isRoutineBuildLine(line)) process.stdout.write(`${line}\n`);
  });
}
// A terminal's Ctrl-C reaches the whole process group; a signal sent to this process alone must reach the build too.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
// 'close', not 'exit': every line of its output has been read by then.
child.on('close', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
