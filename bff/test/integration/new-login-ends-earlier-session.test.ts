/**
 * A new login ends the earlier session (docs/security.md S4): the first cookie stops working
 * the moment the second login succeeds.
 */
import { sessionResponseSchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import { SESSION_COOKIE } from '../../src/session/cookies'
import { connectAndApprove } from '../support/bff-flows'
import { codeOf } from '../support/error-code'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'

const world = simWorldPerFile()

describe('a new login destroys the earlier session (docs/security.md S4)', () => {
  it('the first session cookie gets 401 session_expired after a second login', async () => {
    const { browser } = bffOverSim(world)
    await connectAndApprove(browser)
    const first = browser.cookies.get(SESSION_COOKIE) ?? ''
    expect(first).not.toBe('')
    expect((await browser.get('/api/accounts')).status).toBe(200)

    await connectAndApprove(browser)
    const second = browser.cookies.get(SESSION_COOKIE) ?? ''
    expect(second).not.toBe(first)
    expect((await browser.get('/api/accounts')).status).toBe(200)

    browser.cookies.set(SESSION_COOKIE, first)
    const stale = await browser.get('/api/accounts')
    expect(stale.status).toBe(401)
    expect(await codeOf(stale)).toBe('session_expired')
    const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
    expect(me.authenticated).toBe(false)
  })
})
