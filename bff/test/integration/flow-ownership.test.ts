/**
 * A flow's outcome (`GET /api/flows/:flowId`) is readable only by the browser that started it
 * (its transaction cookie, or the session the flow signed in); anyone else gets 404.
 * docs/security.md LL2; against the simulator, with real code exchanges.
 */
import { errorBodySchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import { TX_COOKIE } from '../../src/session/cookies'
import { TestBrowser } from '../support/browser'
import { approvedAtBank, flowOf, signIn } from '../support/lifecycle'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

const world = simWorldPerFile()

describe('a flow outcome belongs to the browser that started it', () => {
  it('answers 404 flow_not_found to another browser, pending or settled', async () => {
    const bff = bffOverSim(world)
    const { flowId, callback } = await approvedAtBank(bff.browser)
    const other = new TestBrowser((p, init) => bff.app.request(p, init), APP_ORIGIN)
    const pending = await other.get(`/api/flows/${flowId}`)
    expect(pending.status).toBe(404)
    expect(errorBodySchema.parse(await pending.json()).error.code).toBe('flow_not_found')

    expect((await bff.browser.navigate(callback)).status).toBe(303)
    expect((await flowOf(bff.browser, flowId)).status).toBe('succeeded')
    const settled = await other.get(`/api/flows/${flowId}`)
    expect(settled.status).toBe(404)
    expect(await settled.text()).not.toContain('connectionId')
  })

  it('stays readable through the session it signed in once the transaction cookie is gone', async () => {
    const bff = bffOverSim(world)
    const flowId = await signIn(bff)
    bff.browser.cookies.delete(TX_COOKIE)
    expect((await flowOf(bff.browser, flowId)).status).toBe('succeeded')
  })
})
