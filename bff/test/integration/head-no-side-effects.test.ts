/**
 * `HEAD` runs no side effects: Hono answers it with the GET handler, so `/api` refuses it.
 * docs/security.md LL4; against the simulator, with real code exchanges.
 */
import { describe, expect, it } from 'vitest'

import { approvedAtBank, codeExchanges, cookieHeader, flowOf, signIn } from '../support/lifecycle'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'

const world = simWorldPerFile()

describe('HEAD has no side effects', () => {
  it('HEAD /api/callback exchanges no code and sets no cookie', async () => {
    const bff = bffOverSim(world)
    const { flowId, callback } = await approvedAtBank(bff.browser)
    const res = await bff.app.request(callback, {
      method: 'HEAD',
      headers: { Cookie: cookieHeader(bff.browser) },
    })
    expect(res.status).toBe(405)
    expect(res.headers.getSetCookie()).toEqual([])
    expect(await codeExchanges(world)).toBe(0)
    expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
    // The GET the browser sends afterwards still completes the login.
    expect((await bff.browser.navigate(callback)).status).toBe(303)
    expect((await flowOf(bff.browser, flowId)).status).toBe('succeeded')
  })

  it('HEAD on the other /api routes is refused before any work', async () => {
    const bff = bffOverSim(world)
    await signIn(bff)
    for (const path of ['/api/session', '/api/accounts', '/api/flows/AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await bff.app.request(path, {
        method: 'HEAD',
        headers: { 'X-CSRF': '1', Cookie: cookieHeader(bff.browser) },
      })
      expect(res.status, path).toBe(405)
      expect(res.headers.getSetCookie(), path).toEqual([])
    }
  })
})
