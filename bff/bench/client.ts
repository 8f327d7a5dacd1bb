/**
 * Benchmark of the Moneyhub client against the in-process simulator (figures, not assertions).
 * Run: `pnpm --filter @mhkit/bff bench:client`.
 */
import { performance } from 'node:perf_hooks'
import { claims, scopePresets } from '@mhkit/shared'
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { generateCodeVerifier, generateNonce, generateState } from '../src/moneyhub'
import { startHarness } from '../test/moneyhub/support'

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`

async function main(): Promise<void> {
  // The integration tests' simulator and client wiring; default retry policy, as in production.
  const harness = await startHarness()
  const sim = harness.sim
  try {
    const mh = harness.makeClient({ retry: {} })
    const scope = scopePresets.aisOngoing(MOCK_BANK_ID)
    const claimsRequest = claims().sub().connectionId().build()

    // PAR + URL latency.
    const parSamples: number[] = []
    for (let i = 0; i < 40; i++) {
      const started = performance.now()
      await mh.pushedAuthorisationRequest({
        scope,
        claims: claimsRequest,
        state: generateState(),
        nonce: generateNonce(),
        codeVerifier: generateCodeVerifier(),
      })
      parSamples.push(performance.now() - started)
    }

    // Code exchange latency (the consent page is driven outside the timed part).
    const exchangeSamples: number[] = []
    let sub = ''
    for (let i = 0; i < 15; i++) {
      const state = generateState()
      const nonce = generateNonce()
      const codeVerifier = generateCodeVerifier()
      const par = await mh.pushedAuthorisationRequest({
        scope,
        claims: claimsRequest,
        state,
        nonce,
        codeVerifier,
      })
      const callback = new URL(await approveConsent(par.url))
      const started = performance.now()
      const result = await mh.exchangeCode({
        callbackParams: callback,
        expectedState: state,
        expectedNonce: nonce,
        codeVerifier,
      })
      exchangeSamples.push(performance.now() - started)
      sub = result.sub
    }

    // Cached tokenForUser throughput.
    await mh.tokenForUser(sub, ['accounts:read'])
    let calls = 0
    const loopStart = performance.now()
    while (performance.now() - loopStart < 1000) {
      for (let i = 0; i < 1000; i++) await mh.tokenForUser(sub, ['accounts:read'])
      calls += 1000
    }
    const perSecond = Math.round(calls / ((performance.now() - loopStart) / 1000))

    // Upstream token requests per 1,000 data calls for one user.
    const fresh = harness.makeClient({ retry: {} })
    await fresh.discovery()
    await sim.admin.resetCounters()
    for (let batch = 0; batch < 100; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => fresh.getAccounts(sub, { limit: 5 })))
    }
    const tokenRequests = (await sim.admin.counters())['token:client_credentials'] ?? 0

    // "Read accounts for a user": a fresh client_credentials token per call vs the cache.
    const N = 200
    let started = performance.now()
    for (let i = 0; i < N; i++) {
      await fresh.forgetUser(sub)
      await fresh.getAccounts(sub, { limit: 5 })
    }
    const naiveMs = performance.now() - started
    started = performance.now()
    for (let i = 0; i < N; i++) await fresh.getAccounts(sub, { limit: 5 })
    const cachedMs = performance.now() - started

    console.log('Moneyhub client benchmark (in-process simulator, loopback)')
    console.log(`  cached tokenForUser:              ${perSecond} calls/s`)
    console.log(`  token requests per 1,000 reads:   ${tokenRequests} (target ≤ 1)`)
    console.log(
      `  PAR + URL:                        p50 ${fmt(percentile(parSamples, 50))}, p95 ${fmt(percentile(parSamples, 95))}`,
    )
    console.log(
      `  code exchange (+ ID token check): p50 ${fmt(percentile(exchangeSamples, 50))}, p95 ${fmt(percentile(exchangeSamples, 95))}`,
    )
    console.log(
      `  read accounts x${N}: naive ${fmt(naiveMs)} (${fmt(naiveMs / N)}/call), cached ${fmt(cachedMs)} (${fmt(cachedMs / N)}/call), naive/cached = ${(naiveMs / cachedMs).toFixed(2)}x`,
    )
  } finally {
    await harness.close()
  }
}

await main()
