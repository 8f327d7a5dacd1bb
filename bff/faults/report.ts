/** The fault drills' results: one row per check, printed as one table. */

/** One check of a drill: what was injected, what had to hold, what was seen. */
export interface Check {
  drill: string
  injected: string
  expected: string
  observed: string
  held: boolean
}

/** Collects the checks of every drill. */
export class Report {
  readonly checks: Check[] = []

  /** Records a check; `held` is whether the expectation held. */
  check(drill: string, injected: string, expected: string, observed: string, held: boolean): void {
    this.checks.push({ drill, injected, expected, observed, held })
  }

  /** A drill that threw before its checks: one failed row naming the error. */
  crashed(drill: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    this.check(drill, '—', 'the drill runs to its end', message.split('\n')[0] ?? '', false)
  }

  get passed(): number {
    return this.checks.filter((c) => c.held).length
  }

  get failed(): number {
    return this.checks.length - this.passed
  }

  /** The table: drill | injected | expected | observed | held. */
  table(): string {
    const header = ['drill', 'injected', 'what must hold', 'observed', 'held']
    const rows = this.checks.map((c) => [
      c.drill,
      c.injected,
      c.expected,
      c.observed,
      c.held ? 'yes' : 'NO',
    ])
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
    const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`
    return [line(header), rule, ...rows.map(line)].join('\n')
  }
}
