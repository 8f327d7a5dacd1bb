/**
 * `iss` is checked first on every callback (docs/security.md P10, P11); an error callback without
 * `state` is not proven to belong to any flow, so it changes none. docs/security.md LL3;
 * against the simulator, with real code exchanges.
 */
import { errorBodySchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import { approvedAtBank, codeExchanges, flowOf, withParam } from '../support/lifecycle'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

const world = simWorldPerFile()

describe('iss first on every callback; a stateless error changes no flow', () => {
  it('an error callback without state leaves the browser’s pending flow as it was', async () => {
    const bff = bffOverSim(world)
    const { flowId, callback } = await approvedAtBank(bff.browser)
    const res = await bff.browser.navigate(
      `/api/callback?error=access_denied&iss=${encodeURIComponent(world.sim.issuer)}`,
    )
    expect(res.status).toBeLessThan(500)
    expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
    // The genuine callback still completes the flow.
    expect((await bff.browser.navigate(callback)).status).toBe(303)
    expect((await flowOf(bff.browser, flowId)).status).toBe('succeeded')
  })

  it('refuses a stateless error callback from another issuer with iss_mismatch', async () => {
    const bff = bffOverSim(world)
    const { flowId } = await approvedAtBank(bff.browser)
    const res = await bff.browser.navigate(
      '/api/callback?error=access_denied&iss=https%3A%2F%2Fevil.example',
    )
    expect(res.status).toBe(400)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('iss_mismatch')
    expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
  })

  it('a wrong iss with a live state takes no transaction and exchanges nothing', async () => {
    const bff = bffOverSim(world)
    const { flowId, callback } = await approvedAtBank(bff.browser)
    const forged = withParam(callback, 'iss', 'https://evil.example/oidc')
    const res = await bff.browser.navigate(forged)
    expect(res.status).toBe(400)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('iss_mismatch')
    expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
    expect(await codeExchanges(world)).toBe(0)
    expect((await bff.browser.navigate(callback)).status).toBe(303)
    expect((await flowOf(bff.browser, flowId)).status).toBe('succeeded')
  })

  it('refuses a callback without iss (the issuer always sends it, RFC 9207)', async () => {
    const bff = bffOverSim(world)
    const { flowId, callback } = await approvedAtBank(bff.browser)
    const url = new URL(callback, APP_ORIGIN)
    url.searchParams.delete('iss')
    const res = await bff.browser.navigate(`${url.pathname}${url.search}`)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('iss_mismatch')
    expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
  })
})
