/**
 * How `npm run build` starts Astro. Some memory settings only work when they are there as a process starts:
 * Rolldown's allocator reads its options when its native module loads, which is before astro.config.mjs
 * runs, and V8 sizes its young generation at start-up. So the build runs Astro in a child process that has
 * them (scripts/build.ts).
 *
 * Measured on a 10,000-agent catalogue, where the Astro process peaked at 1,098 MiB without them:
 * - MIMALLOC_PURGE_DELAY=0 gives back at once the pages that Rolldown's allocator (mimalloc) frees. By default
 *   it keeps them for a while, and after bundling that is one region of about 280 MiB, held while pages render.
 * - MALLOC_ARENA_MAX=2 stops glibc from keeping an arena per thread. With the first, the peak was 1,000 MiB.
 * - --max-semi-space-size=16 caps V8's young generation at 2 × 16 MiB; by default it grows to 128 MiB while
 *   pages render. With all three, the peak was 882 to 986 MiB, at the same speed within the noise.
 */

/** Environment variables the build sets unless the caller has set them. */
export const BUILD_MEMORY_ENV: Readonly<Record<string, string>> = {
  MIMALLOC_PURGE_DELAY: '0',
  MALLOC_ARENA_MAX: '2',
};

/**
 * V8 options for every Node process of the build. They go into NODE_OPTIONS, so the process that publishes
 * the files and feeds Pagefind has them too.
 */
export const BUILD_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=16'];

/** `npm run build:low-memory` also asks V8 to favour size over speed; Node accepts it only on the command line. */
export const LOW_MEMORY_NODE_FLAGS: readonly string[] = ['--optimize-for-size'];

/** The command-line flag by which `scripts/build.ts` is asked for a low-memory build. */
export const LOW_MEMORY_FLAG = '--low-memory';

export interface BuildCommand {
  /** Node's arguments: its flags, Astro's command-line entry, `build` and Astro's options. */
  nodeArgs: string[];
  env: Record<string, string | undefined>;
}

/**
 * The Astro build process for `args` (what follows `npm run build --`) in environment `env`, with `astroEntry`
 * the path of Astro's command-line entry. What the caller set wins: its variables over ours, and its
 * NODE_OPTIONS after ours, because V8 takes the last of two values.
 */
export function buildCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, astroEntry: string): BuildCommand {
  const nodeFlags = args.includes(LOW_MEMORY_FLAG) ? LOW_MEMORY_NODE_FLAGS : [];
  const nodeOptions = [...BUILD_NODE_OPTIONS, env['NODE_OPTIONS']?.trim()].filter(Boolean).join(' ');
  return {
    nodeArgs: [...nodeFlags, astroEntry, 'build', ...args.filter((arg) => arg !== LOW_MEMORY_FLAG)],
    env: { ...BUILD_MEMORY_ENV, ...env, NODE_OPTIONS: nodeOptions },
  };
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Lines of Astro's build output that tell a user nothing they need: the list of every route (which Astro writes
 * without line breaks when its output is not a terminal), its internal steps, and the build's own phase timings,
 * which the benchmark reads from a build of its own. Warnings, errors and the summaries are kept.
 */
const ROUTINE: readonly RegExp[] = [
  /[├└]─/,
  /^\s*\(\+\d+ms\)\s*$/,
  /^\s*generating static routes\s*$/,
  /\[subagent-catalog-build\] phase /,
  /\[build\] (output|mode|directory): /,
  /\[build\] (Collecting build info|Building static entrypoints|Rearranging server assets)\.\.\.$/,
  /\[build\] ✓ Completed in /,
  /^\d\d:\d\d:\d\d ✓ Completed in /,
  /\[vite\] ✓ built in /,
  /\[content\] Sync(ing|ed) content$/,
  /\[types\] Generated /,
];

/** True for a line `npm run build` leaves out of its output, unless asked for everything with --verbose. */
export function isRoutineBuildLine(line: string): boolean {
  const plain = line.replace(ANSI, '').trimEnd();
  return plain === '' || ROUTINE.some((pattern) => pattern.test(plain));
}
