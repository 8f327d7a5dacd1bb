import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, flowResponseSchema, type FlowResponse } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CALLBACK_LEASE_MS } from '../../src/flows/flow-records'
import type { MoneyhubClient } from '../../src/moneyhub'
import type { TestBrowser } from '../support/browser'
import { fakeClock } from '../support/fake-clock'
import {
  bffOverSim,
  callbackPath,
  simMoneyhub,
  startSimWorld,
  type SimWorld,
} from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

async function flowOf(browser: TestBrowser, flowId: string): Promise<FlowResponse> {
  const res = await browser.get(`/api/flows/${flowId}`)
  expect(res.status).toBe(200)
  return flowResponseSchema.parse(await res.json())
}

describe('a callback that dies after claiming its flow', () => {
  it('leaves the flow pending only for its lease, then failed — never for the hour', async () => {
    const clock = fakeClock(Date.now())
    const real = simMoneyhub(world)
    // The winning callback stops inside its code exchange, as a process killed there would.
    let resume: () => void = () => undefined
    const stalled = new Promise<void>((resolve) => (resume = resolve))
    let entered: () => void = () => undefined
    const exchanging = new Promise<void>((resolve) => (entered = resolve))
    const moneyhub: MoneyhubClient = {
      ...real,
      exchangeCode: async (params) => {
        entered()
        await stalled
        return real.exchangeCode(params)
      },
    }
    const { browser } = bffOverSim(world, { clock, moneyhub })
    const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
    const { url, flowId } = connectResponseSchema.parse(await res.json())
    const back = callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID }))
    const callback = browser.navigate(back)
    // The callback has taken the transaction and claimed the flow once it exchanges the code.
    await exchanging
    clock.advance(CALLBACK_LEASE_MS - 1)
    expect((await flowOf(browser, flowId)).status).toBe('pending')

    clock.advance(2)
    const ended = await flowOf(browser, flowId)
    expect(ended).toMatchObject({ status: 'failed', error: { code: 'flow_expired' } })

    // A claim holder that was only slow comes back too late: the outcome stays as it was.
    resume()
    expect((await callback).status).toBe(303)
    expect((await flowOf(browser, flowId)).status).toBe('failed')
  })
})
