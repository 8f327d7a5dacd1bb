/**
 * docs/security.md S7: when a data route gets `reauth_required` (Moneyhub refused the token for the
 * user with `invalid_grant`: the consent was revoked), the BFF ends the session — server state
 * deleted, cookie cleared, security event logged — and answers 401 `reauth_required`. Against
 * the simulator only: it refuses tokens for a user whose grants were revoked.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, sessionResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SESSION_COOKIE } from '../../src/session/cookies'
import { codeOf } from '../support/error-code'
import { TestBrowser } from '../support/browser'
import { APP_ORIGIN } from '../support/test-app'
import {
  bffOverSim,
  callbackPath,
  startSimWorld,
  type BffUnderTest,
  type SimWorld,
} from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

/** Connects a bank (a new Moneyhub user) and returns the user id and the session cookie. */
async function signIn(
  bff: BffUnderTest,
): Promise<{ sub: string; cookie: string; connectionId: string }> {
  const res = await bff.browser.send('POST', '/api/connect', { kind: 'ais' })
  const { url } = connectResponseSchema.parse(await res.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await bff.browser.navigate(callbackPath(back))).status).toBe(303)
  const me = sessionResponseSchema.parse(await (await bff.browser.get('/api/session')).json())
  expect(me.authenticated).toBe(true)
  const cookie = bff.browser.cookies.get(SESSION_COOKIE)
  expect(cookie).toBeTypeOf('string')
  return {
    sub: me.user?.id ?? '',
    cookie: cookie ?? '',
    connectionId: me.connections?.[0]?.id ?? '',
  }
}

describe('S7: reauth_required ends the session', () => {
  it('after a revoked consent: 401 reauth_required, cookie cleared, session gone', async () => {
    const bff = bffOverSim(world)
    const { sub, cookie } = await signIn(bff)
    expect((await bff.browser.get('/api/accounts')).status).toBe(200)

    expect(await world.sim.admin.revokeGrant({ sub })).toBeGreaterThan(0)
    // As when the cached token for the user lapses: the next read asks Moneyhub for a new one.
    await bff.moneyhub.forgetUser(sub)

    const res = await bff.browser.get('/api/transactions')
    expect(res.status).toBe(401)
    const cleared = res.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))
    expect(cleared).toMatch(/Max-Age=0/i)
    expect(await codeOf(res)).toBe('reauth_required')
    expect(bff.browser.cookies.has(SESSION_COOKIE)).toBe(false)

    // The next session check says signed out; so do the data routes.
    const me = sessionResponseSchema.parse(await (await bff.browser.get('/api/session')).json())
    expect(me).toEqual({ authenticated: false })
    const again = await bff.browser.get('/api/accounts')
    expect(again.status).toBe(401)
    expect(await codeOf(again)).toBe('unauthenticated')

    // The server state is gone: the old cookie names no session any more.
    const replay = new TestBrowser((path, init) => bff.app.request(path, init), APP_ORIGIN)
    replay.cookies.set(SESSION_COOKIE, cookie)
    const replayed = await replay.get('/api/accounts')
    expect(replayed.status).toBe(401)
    expect(await codeOf(replayed)).toBe('session_expired')

    const event = bff.logs.lines.find((line) => line.reason === 'reauth_session_ended')
    expect(event).toMatchObject({
      event: 'security',
      code: 'reauth_required',
      upstreamError: 'invalid_grant',
      sessionEnded: true,
    })
    expect(JSON.stringify(bff.logs.lines)).not.toContain(cookie)
  })

  it('keeps the session when a data route fails otherwise (an expired bank consent)', async () => {
    const bff = bffOverSim(world)
    const { connectionId } = await signIn(bff)
    expect(connectionId).not.toBe('')
    await world.sim.admin.expireConsent(connectionId)

    const res = await bff.browser.get('/api/accounts')
    expect(res.status).toBe(403)
    expect(await codeOf(res)).toBe('consent_expired')
    expect(res.headers.getSetCookie().some((line) => line.startsWith(`${SESSION_COOKIE}=`))).toBe(
      false,
    )
    const me = sessionResponseSchema.parse(await (await bff.browser.get('/api/session')).json())
    expect(me.authenticated).toBe(true)
    expect(bff.logs.lines.some((line) => line.reason === 'reauth_session_ended')).toBe(false)
  })
})
