import { describe, expect, it } from 'vitest'

import { FaultRegistry } from './faults'

describe('FaultRegistry', () => {
  it('passes requests with no matching fault', async () => {
    const faults = new FaultRegistry()
    faults.add({ route: 'GET /v3/accounts', status: 500 })
    expect(await faults.apply(['GET /v3/transactions'])).toEqual({ kind: 'pass' })
  })

  it('applies a fault the given number of times, most specific key first', async () => {
    const faults = new FaultRegistry()
    faults.add({ route: 'token', status: 503, times: 1 })
    faults.add({ route: 'token:client_credentials', status: 500, times: 1 })
    expect(await faults.apply(['token:client_credentials', 'token'])).toMatchObject({ status: 500 })
    expect(await faults.apply(['token:client_credentials', 'token'])).toMatchObject({ status: 503 })
    expect(await faults.apply(['token:client_credentials', 'token'])).toEqual({ kind: 'pass' })
  })

  it('answers 429 with Retry-After and malformed bodies', async () => {
    const faults = new FaultRegistry()
    faults.add({ route: 'a', retryAfter: 7, times: 1 })
    faults.add({ route: 'b', malformed: true, times: 1 })
    const limited = await faults.apply(['a'])
    expect(limited).toMatchObject({ status: 429, headers: { 'retry-after': '7' } })
    const malformed = await faults.apply(['b'])
    expect(malformed.kind).toBe('respond')
    if (malformed.kind === 'respond') expect(() => JSON.parse(malformed.body) as unknown).toThrow()
  })

  it('delays for at least delayMs, however the timers round', async () => {
    const faults = new FaultRegistry()
    faults.add({ route: 'slow', delayMs: 5 })
    for (let run = 0; run < 10; run++) {
      // Timers count whole milliseconds of the monotonic clock: started 0.9 ms into one, a
      // bare 5 ms timer ends about 4.1 ms later.
      while (process.hrtime.bigint() % 1_000_000n < 900_000n);
      const start = performance.now()
      await faults.apply(['slow'])
      expect(performance.now() - start).toBeGreaterThanOrEqual(5)
    }
  })

  it('counts and resets', () => {
    const faults = new FaultRegistry()
    faults.count('par')
    faults.count('par')
    expect(faults.counters()).toEqual({ par: 2 })
    faults.resetCounters()
    expect(faults.counters()).toEqual({})
  })
})
