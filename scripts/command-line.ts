/** What every command-line script of the project shares: its usage line, `--help`, and usage errors (exit 2). */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Prints a usage error with the usage line under it; returns the exit code for it. */
export function usageError(usage: string, message: string): number {
  console.error(`${message}\n${usage}`);
  return 2;
}

/**
 * The process's arguments read with `options` (and `--help`, `-h`), or the exit code when the script has nothing
 * more to do: 0 after printing the usage for `--help`, 2 after a usage error.
 */
export function readCommandLine<const O extends ParseArgsOptionsConfig>(usage: string, options: O) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { ...options, ...HELP } });
  } catch (error) {
    return { exit: usageError(usage, (error as Error).message) } as const;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return { exit: 0 } as const;
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
