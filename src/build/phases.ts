import { readdirSync, readFileSync } from 'node:fs';

/** Peak memory of this process so far, in MiB. */
export function peakMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Peak memory of this process's children whose command is `name` (the Pagefind binary), in MiB, read
 * from /proc while they still run. 0 where /proc is not available.
 */
export function childPeakMiB(name: string): number {
  let peak = 0;
  try {
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (!new RegExp(`^PPid:\\s+${process.pid}$`, 'm').test(status) || !new RegExp(`^Name:\\s+${name}`, 'm').test(status)) continue;
        peak = Math.max(peak, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return 0;
  }
  return peak;
}

/** A line the benchmark reads: `phase <name> at <seconds since start> s, peak <MiB> MiB`. */
export function phaseLine(name: string, peak = peakMiB()): string {
  return `phase ${name} at ${process.uptime().toFixed(2)} s, peak ${peak.toFixed(0)} MiB`;
}
