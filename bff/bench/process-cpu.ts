import { existsSync, readdirSync, readFileSync } from 'node:fs'

const hasSchedstat = existsSync('/proc/self/schedstat')

/**
 * CPU time (user + system, ms) a process has used so far, read by the kernel's own accounting
 * in /proc (Linux only), so the figure needs no cooperation from the process measured: the
 * built BFF runs exactly as in production.
 *
 * The per-thread `schedstat` run time is in nanoseconds, so a two-second slice is measured to
 * well under 1 %; `stat`'s utime + stime (10 ms ticks) is the fallback where schedstat is off.
 */
export function processCpuMs(pid: number): number {
  // One source for the whole run: a before and an after read from different sources would mix
  // nanoseconds with ticks.
  if (hasSchedstat) {
    let ns = 0
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // The thread ended between the listing and the read; Node's own threads never do.
      }
    }
    return ns / 1e6
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The fields after "(comm)" start at field 3 (state); utime is field 14 and stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Resident and peak resident memory of a process in bytes (/proc/<pid>/status). */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 }
}
