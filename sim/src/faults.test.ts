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
    faults.add({ route: 'slow', delayMs: 3 })
    const took = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const start = performance.now()
        await faults.apply(['slow'])
        return performance.now() - start
      }),
    )
    expect(Math.min(...took)).toBeGreaterThanOrEqual(3)
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
