import { describe, expect, it } from 'vitest'

import { percentile } from './closed-loop'
import { runBench } from './run-bench'
import { smokeSizes } from './sizes'
import { formatTable, judge } from './table'

// The bench asserts no speed (docs/performance.md): this proves it runs every step on this
// checkout and reports a finite figure for each, with the smallest counts.
describe('the BFF bench', () => {
  it('takes every figure once, each finite, in one table', { timeout: 240_000 }, async () => {
    const { rows, notes } = await runBench(smokeSizes)
    const figures = rows.map((row) => row.figure)
    for (const expected of [
      /^CPU per request, BFF ÷ bare forwarder$/,
      /^A\/A control/,
      /^CPU per request, essentials ÷ bare forwarder$/,
      /^Added latency p50 \(100 ms upstream, 5 conn\.\)$/,
      /^Added latency p99 /,
      /^Burst of 5 requests at once/,
      /^Added latency p50, 1 connection/,
      /^Direct call: min/,
      /official ÷ ours, token cached, conc\. 1$/,
      /official ÷ ours, token cached, conc\. 4$/,
      /ours ÷ official, cache emptied, conc\. 1$/,
      /ours ÷ official, cache emptied, conc\. 4$/,
      /^Cold start of the built server/,
      /^Cold start: CPU time/,
      /^RSS of the BFF at 20 sessions/,
      /^Machine$/,
      /^Load average/,
    ]) {
      expect(
        figures.filter((figure) => expected.test(figure)),
        String(expected),
      ).toHaveLength(1)
    }
    for (const row of rows) {
      expect(Number.isFinite(row.value), row.figure).toBe(true)
      expect(row.verdict, row.figure).not.toBe('no figure')
    }
    // The direct calls really waited for the simulator's delay: the latency loop is honest.
    expect(rows.find((row) => row.figure.startsWith('Direct call'))?.value).toBeGreaterThanOrEqual(
      100,
    )
    expect(notes.join('\n')).toContain('session cookie value in it: no')
    expect(formatTable(rows).split('\n')).toHaveLength(rows.length + 2)
  })
})

describe('judge', () => {
  it('says whether a figure meets its limit, allowing the noise the A/A control measured', () => {
    expect(judge(1.9, 2, 'at most')).toBe('meets')
    expect(judge(2.1, 2, 'at most')).toBe('misses')
    expect(judge(2.1, 2, 'at most', 0.1)).toBe('within noise')
    expect(judge(3.9, 4, 'at least', 0.05)).toBe('within noise')
    expect(judge(3, 4, 'at least', 0.05)).toBe('misses')
    expect(judge(Number.NaN, 4, 'at least')).toBe('no figure')
  })
})

describe('percentile', () => {
  it('is the nearest-rank sample, so a percentile is always a latency that happened', () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10]
    expect(percentile(samples, 50)).toBe(5)
    expect(percentile(samples, 99)).toBe(10)
    expect(percentile(samples, 0)).toBe(1)
    expect(percentile([], 50)).toBeNaN()
  })
})
