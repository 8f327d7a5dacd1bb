/**
 * A bad callback reached by a browser navigation lands in the app's return page with a stable
 * error code (`?flowError=<code>`), never on a raw JSON body, and changes no flow.
 * docs/security.md LL3; against the simulator, with real code exchanges.
 */
import { errorBodySchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import { SESSION_COOKIE } from '../../src/session/cookies'
import { TestBrowser } from '../support/browser'
import { approvedAtBank, codeExchanges, flowOf, navigateAsBrowser } from '../support/lifecycle'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

const world = simWorldPerFile()

describe('a bad callback reached by navigation lands in the app', () => {
  const cases: [string, (issuer: string) => string, string][] = [
    [
      'an unknown state',
      (iss) => `/api/callback?code=x&state=${'A'.repeat(24)}&iss=${iss}`,
      'state_mismatch',
    ],
    ['a missing state', (iss) => `/api/callback?code=x&iss=${iss}`, 'state_mismatch'],
    ['a malformed state', (iss) => `/api/callback?code=x&state=..&iss=${iss}`, 'state_mismatch'],
    [
      'an unknown parameter',
      (iss) => `/api/callback?code=x&state=${'A'.repeat(24)}&iss=${iss}&evil=1`,
      'invalid_request',
    ],
    [
      'another issuer',
      () => `/api/callback?code=x&state=${'A'.repeat(24)}&iss=https%3A%2F%2Fevil.example`,
      'iss_mismatch',
    ],
    ['a stateless error', (iss) => `/api/callback?error=access_denied&iss=${iss}`, 'access_denied'],
    [
      'a lapsed request_uri',
      (iss) => `/api/callback?error=invalid_request_uri&iss=${iss}`,
      'flow_expired',
    ],
  ]
  for (const [name, path, code] of cases) {
    it(`redirects ${name} to the browser's return page with flowError=${code}`, async () => {
      const bff = bffOverSim(world)
      const { flowId } = await approvedAtBank(bff.browser, '/back?tab=1')
      const res = await navigateAsBrowser(
        bff,
        bff.browser,
        path(encodeURIComponent(world.sim.issuer)),
      )
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`/back?tab=1&flowError=${code}`)
      expect(await res.text()).not.toContain('"error"')
      expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
      expect(await codeExchanges(world)).toBe(0)
    })
  }

  it('sends a browser with no flow of its own to the app root', async () => {
    const bff = bffOverSim(world)
    const res = await navigateAsBrowser(
      bff,
      bff.browser,
      `/api/callback?code=x&state=${'A'.repeat(24)}&iss=${encodeURIComponent(world.sim.issuer)}`,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/?flowError=state_mismatch')
  })

  it('sends a browser with no flow of its own to the configured callback page', async () => {
    const bff = bffOverSim(world, { config: { callbackErrorPage: '/callback?from=bff' } })
    const res = await navigateAsBrowser(
      bff,
      bff.browser,
      `/api/callback?error=access_denied&iss=${encodeURIComponent(world.sim.issuer)}`,
    )
    expect(res.headers.get('location')).toBe('/callback?from=bff&flowError=access_denied')
  })

  it('refuses a callback page that is not a same-origin path', () => {
    expect(() => bffOverSim(world, { config: { callbackErrorPage: '//evil.example/' } })).toThrow(
      TypeError,
    )
  })

  it('a callback reaching another browser lands there with an error code, not the flow id', async () => {
    const bff = bffOverSim(world)
    const { flowId, callback } = await approvedAtBank(bff.browser)
    const other = new TestBrowser((p, init) => bff.app.request(p, init), APP_ORIGIN)
    const res = await navigateAsBrowser(bff, other, callback)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/?flowError=state_mismatch')
    expect(res.headers.get('location')).not.toContain(flowId)
    expect(res.headers.getSetCookie().some((l) => l.startsWith(`${SESSION_COOKIE}=`))).toBe(false)
    // Not proven to belong to the flow: the flow is untouched, and its own browser completes it.
    expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
    expect(await codeExchanges(world)).toBe(0)
    expect((await bff.browser.navigate(callback)).status).toBe(303)
    expect((await flowOf(bff.browser, flowId)).status).toBe('succeeded')
  })

  it('a request that is not a navigation still gets the JSON error', async () => {
    const bff = bffOverSim(world)
    const res = await bff.browser.navigate(
      `/api/callback?code=x&state=${'A'.repeat(24)}&iss=${encodeURIComponent(world.sim.issuer)}`,
    )
    expect(res.status).toBe(400)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('state_mismatch')
  })
})
