/** How a figure compares with its target. Not an assertion: the bench always exits 0. */
export type Verdict = 'meets' | 'misses' | 'within noise' | 'info' | 'no figure'

/** One row of the printed table. */
export interface Row {
  figure: string
  measured: string
  target: string
  verdict: Verdict
  /** The figure itself, for the test and for a caller that wants numbers. */
  value: number
}

/**
 * The verdict on `value` against `limit` (`at most` or `at least`); `noise` (a fraction, from
 * the A/A control) turns a miss by less than the noise into "within noise".
 */
export function judge(
  value: number,
  limit: number,
  direction: 'at most' | 'at least',
  noise = 0,
): Verdict {
  if (!Number.isFinite(value)) return 'no figure'
  const meets = direction === 'at most' ? value <= limit : value >= limit
  if (meets) return 'meets'
  const withinNoise =
    direction === 'at most' ? value <= limit * (1 + noise) : value >= limit * (1 - noise)
  return withinNoise ? 'within noise' : 'misses'
}

/** The rows as a Markdown table (readable in a terminal, pasteable into a README). */
export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'measured', 'target', 'verdict']
  const cells = rows.map((r) => [r.figure, r.measured, r.target, r.verdict])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)))
  const line = (c: readonly string[]) =>
    `| ${c.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.map(line),
  ].join('\n')
}
