/**
 * An ended session (logout, or `reauth_required`, docs/security.md S7) ends the logins its browser
 * has in flight: a consent approved afterwards creates no session. docs/security.md LL1;
 * against the simulator, with real code exchanges.
 */
import { errorBodySchema, sessionResponseSchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import { SESSION_COOKIE, TX_COOKIE } from '../../src/session/cookies'
import { approvedAtBank, authenticated, codeExchanges, flowOf, signIn } from '../support/lifecycle'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'

const world = simWorldPerFile()

describe('logout ends the logins this browser has in flight', () => {
  it('a consent approved after logout creates no session, even with the old cookies', async () => {
    const bff = bffOverSim(world)
    await signIn(bff)
    const pending = await approvedAtBank(bff.browser)
    const kept = new Map(bff.browser.cookies)

    const out = await bff.browser.send('POST', '/api/logout', {})
    expect(out.status).toBe(200)
    const txCleared = out.headers.getSetCookie().find((l) => l.startsWith(`${TX_COOKIE}=`))
    expect(txCleared).toMatch(/Max-Age=0/i)
    expect(bff.browser.cookies.has(TX_COOKIE)).toBe(false)

    // A shared device: whoever holds the browser now approves (or replays) the pending consent,
    // here with the transaction cookie as it was before the logout.
    const exchangesBefore = await codeExchanges(world)
    bff.browser.cookies.set(TX_COOKIE, kept.get(TX_COOKIE) ?? '')
    const back = await bff.browser.navigate(pending.callback)
    expect(back.status).toBe(303)
    expect(back.headers.getSetCookie().some((l) => l.startsWith(`${SESSION_COOKIE}=`))).toBe(false)
    expect(await authenticated(bff.browser)).toBe(false)
    expect(await codeExchanges(world)).toBe(exchangesBefore)
    expect((await flowOf(bff.browser, pending.flowId)).error?.code).toBe('flow_expired')
  })

  it('also ends a login the browser started before anyone was signed in', async () => {
    const bff = bffOverSim(world)
    const pending = await approvedAtBank(bff.browser)
    const kept = bff.browser.cookies.get(TX_COOKIE) ?? ''
    expect((await bff.browser.send('POST', '/api/logout', {})).status).toBe(200)
    bff.browser.cookies.set(TX_COOKIE, kept)
    expect((await bff.browser.navigate(pending.callback)).status).toBe(303)
    expect(await authenticated(bff.browser)).toBe(false)
    expect(await codeExchanges(world)).toBe(0)
  })

  it('a login started after the logout completes as usual', async () => {
    const bff = bffOverSim(world)
    await signIn(bff)
    expect((await bff.browser.send('POST', '/api/logout', {})).status).toBe(200)
    bff.clock.advance(1)
    const flowId = await signIn(bff)
    expect((await flowOf(bff.browser, flowId)).status).toBe('succeeded')
    expect(await authenticated(bff.browser)).toBe(true)
  })

  it('reauth_required (docs/security.md S7) ends the pending logins too', async () => {
    const bff = bffOverSim(world)
    await signIn(bff)
    const me = sessionResponseSchema.parse(await (await bff.browser.get('/api/session')).json())
    const sub = me.user?.id ?? ''
    const pending = await approvedAtBank(bff.browser)
    const kept = bff.browser.cookies.get(TX_COOKIE) ?? ''
    expect(await world.sim.admin.revokeGrant({ sub })).toBeGreaterThan(0)
    await bff.moneyhub.forgetUser(sub)
    const res = await bff.browser.get('/api/accounts')
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('reauth_required')
    expect(res.headers.getSetCookie().find((l) => l.startsWith(`${TX_COOKIE}=`))).toMatch(
      /Max-Age=0/i,
    )
    bff.browser.cookies.set(TX_COOKIE, kept)
    expect((await bff.browser.navigate(pending.callback)).status).toBe(303)
    expect(await authenticated(bff.browser)).toBe(false)
  })

  it('a login whose starting session expired meanwhile creates no session', async () => {
    const bff = bffOverSim(world, {
      config: { session: { idleMs: 5 * 60_000, absoluteMs: 12 * 60 * 60_000 } },
    })
    await signIn(bff)
    const pending = await approvedAtBank(bff.browser)
    bff.clock.advance(5 * 60_000 + 1)
    const back = await bff.browser.navigate(pending.callback)
    expect(back.status).toBe(303)
    expect(await authenticated(bff.browser)).toBe(false)
    expect((await flowOf(bff.browser, pending.flowId)).error?.code).toBe('flow_expired')
  })

  it('a login of a second tab still completes after the first tab’s login replaced the session', async () => {
    const bff = bffOverSim(world)
    await signIn(bff)
    const first = await approvedAtBank(bff.browser)
    const second = await approvedAtBank(bff.browser)
    expect((await bff.browser.navigate(first.callback)).status).toBe(303)
    expect((await bff.browser.navigate(second.callback)).status).toBe(303)
    expect((await flowOf(bff.browser, second.flowId)).status).toBe('succeeded')
    expect(await authenticated(bff.browser)).toBe(true)
  })
})
