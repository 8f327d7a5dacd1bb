/** How much work each part of the bench does. */
export interface BenchSizes {
  name: string
  cpu: { rate: number; sliceMs: number; rounds: number }
  latency: { connections: number; sliceMs: number; pairs: number; upstreamDelayMs: number }
  burst: { size: number; rounds: number; gapMs: number }
  clients: { concurrencies: number[]; reads: number; pairs: number }
  coldStarts: number
  sessions: number
}

/** `pnpm --filter @mhkit/bff bench`: about three minutes. */
export const fullSizes: BenchSizes = {
  name: 'full',
  // 200 requests a second keeps every process well below one core on a shared 2-core machine.
  cpu: { rate: 200, sliceMs: 2_000, rounds: 10 },
  latency: { connections: 50, sliceMs: 3_000, pairs: 4, upstreamDelayMs: 100 },
  burst: { size: 50, rounds: 10, gapMs: 300 },
  clients: { concurrencies: [1, 20], reads: 100, pairs: 4 },
  coldStarts: 7,
  sessions: 10_000,
}

/** `bench --quick`: the same steps with small counts, under a minute. */
export const quickSizes: BenchSizes = {
  name: 'quick',
  cpu: { rate: 200, sliceMs: 400, rounds: 3 },
  latency: { connections: 50, sliceMs: 750, pairs: 2, upstreamDelayMs: 100 },
  burst: { size: 50, rounds: 3, gapMs: 300 },
  clients: { concurrencies: [1, 20], reads: 20, pairs: 1 },
  coldStarts: 3,
  sessions: 1_000,
}

/** The smallest run that still takes every step once: the bench's own test. */
export const smokeSizes: BenchSizes = {
  name: 'smoke',
  cpu: { rate: 100, sliceMs: 200, rounds: 1 },
  latency: { connections: 5, sliceMs: 300, pairs: 1, upstreamDelayMs: 100 },
  burst: { size: 5, rounds: 1, gapMs: 150 },
  clients: { concurrencies: [1, 4], reads: 4, pairs: 1 },
  coldStarts: 1,
  sessions: 20,
}
