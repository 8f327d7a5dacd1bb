import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.sim.admin.clearFaults()
  await world.close()
})

it('logs the failed Moneyhub call’s x-fapi-interaction-id next to the BFF request id (L3)', async () => {
  const { browser, logs } = bffOverSim(world)
  const start = await browser.send('POST', '/api/connect', { kind: 'ais' })
  const { url } = connectResponseSchema.parse(await start.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await browser.navigate(callbackPath(back))).status).toBe(303)

  await world.sim.admin.fault({ route: 'GET /v3/accounts', status: 503 })
  const res = await browser.get('/api/accounts')
  expect(res.status).toBe(503)
  const failed = logs.lines.find((line) => line.msg === 'request failed')
  expect(failed).toMatchObject({
    requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    interactionId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    upstreamStatus: 503,
  })
  expect(failed?.interactionId).not.toBe(failed?.requestId)
})
