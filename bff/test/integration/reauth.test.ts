/**
 * docs/security.md S7: a user whose consent was revoked or has expired makes Moneyhub answer the
 * "token for user" (client_credentials with `sub`) request with `invalid_grant`; the BFF then
 * answers the SPA 401 `reauth_required`, not a 502. Every answer here is the simulator's own:
 * it refuses a token for a user whose grants were revoked or have expired.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, errorBodySchema, sessionResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestBrowser } from '../support/browser'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

const GRANT_TTL_S = 90 * 24 * 3600

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

async function signIn(browser: TestBrowser): Promise<string> {
  const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
  const { url } = connectResponseSchema.parse(await res.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await browser.navigate(callbackPath(back))).status).toBe(303)
  const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
  expect(me.authenticated).toBe(true)
  return me.user?.id ?? ''
}

/** The simulator's refusals of a token for a user that the BFF's Moneyhub client received. */
function refusals(w: SimWorld): number {
  return w.wire.filter((text) => text.includes('"invalid_grant"')).length
}

describe('revoked or expired consent (docs/security.md S7)', () => {
  for (const path of ['/api/accounts', '/api/transactions']) {
    it(`invalid_grant on the token-for-user request answers ${path} with 401 reauth_required`, async () => {
      const { browser, moneyhub } = bffOverSim(world)
      const sub = await signIn(browser)
      expect((await browser.get(path)).status).toBe(200)

      expect(await world.sim.admin.revokeGrant({ sub })).toBeGreaterThan(0)
      // As when the cached token for the user lapses: the next read asks for a new one.
      await moneyhub.forgetUser(sub)
      const before = refusals(world)

      const res = await browser.get(path)
      expect(res.status).toBe(401)
      const body = errorBodySchema.parse(await res.json())
      expect(body.error.code).toBe('reauth_required')
      expect(JSON.stringify(body)).not.toContain('grant request is invalid')
      // The simulator itself refused the token request (no answer made up on the wire).
      expect(refusals(world)).toBe(before + 1)
    })
  }

  it('answers 401 reauth_required once the user’s grant has expired', async () => {
    // Its own simulator: moving the clock 90 days ends every grant in it.
    const own = await startSimWorld()
    try {
      const { browser, moneyhub } = bffOverSim(own)
      const sub = await signIn(browser)
      expect((await browser.get('/api/accounts')).status).toBe(200)

      await own.sim.admin.advanceClock(GRANT_TTL_S + 60)
      await moneyhub.forgetUser(sub)
      const res = await browser.get('/api/accounts')
      expect(res.status).toBe(401)
      expect(errorBodySchema.parse(await res.json()).error.code).toBe('reauth_required')
      expect(refusals(own)).toBe(1)
    } finally {
      await own.close()
    }
  })
})
