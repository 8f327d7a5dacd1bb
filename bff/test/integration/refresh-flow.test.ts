/** `POST /api/connect` with `kind: 'refresh'`, end to end against the simulator. */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  connectResponseSchema,
  flowResponseSchema,
  sessionResponseSchema,
  type ConnectRequestInput,
} from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import type { TestBrowser } from '../support/browser'
import { connectionsOf } from '../support/bff-flows'
import { bffOverSim, callbackPath, simWorldPerFile } from '../support/sim-harness'

const world = simWorldPerFile()

/** Start, approve at the bank, come back through the callback; the flow's outcome. */
async function connect(browser: TestBrowser, body: ConnectRequestInput = { kind: 'ais' }) {
  const res = await browser.send('POST', '/api/connect', body)
  expect(res.status, await res.clone().text()).toBe(200)
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await browser.navigate(callbackPath(back))).status).toBe(303)
  return flowResponseSchema.parse(await (await browser.get(`/api/flows/${flowId}`)).json())
}

describe("POST /api/connect kind 'refresh'", () => {
  it('runs end to end on a connection of the user and keeps the user and connection', async () => {
    const { browser } = bffOverSim(world)
    const first = await connect(browser)
    const connectionId = first.result?.connectionId ?? ''
    expect(connectionId).not.toBe('')
    const user = sessionResponseSchema.parse(await (await browser.get('/api/session')).json()).user
      ?.id

    await world.sim.admin.resetCounters()
    const again = await connect(browser, { kind: 'refresh', connectionId })
    expect(again).toMatchObject({ status: 'succeeded', kind: 'refresh', result: { connectionId } })
    const counters = await world.sim.admin.counters()
    expect(counters.par).toBe(1)
    expect(counters['token:authorization_code']).toBe(1)

    const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
    expect(me.user?.id).toBe(user)
    expect((await connectionsOf(browser)).map((c) => c.id)).toContain(connectionId)
  })
})
