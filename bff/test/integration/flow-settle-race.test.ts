import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  connectResponseSchema,
  flowResponseSchema,
  sessionResponseSchema,
  type FlowResponse,
} from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createFlowRecords, type FlowRecord } from '../../src/flows/flow-records'
import type { MoneyhubClient } from '../../src/moneyhub'
import { TX_TTL_MS } from '../../src/session/cookies'
import { createMemoryStore } from '../../src/session/memory-store'
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

/**
 * The BFF over the simulator with a hook that runs inside the winning callback's code exchange,
 * after it took the login transaction and before the exchange answers: the window in which a
 * second request used to be able to end the flow.
 */
function bffWithExchangeHook() {
  const clock = fakeClock(Date.now())
  const real = simMoneyhub(world)
  const hook: { during?: (() => Promise<void>) | undefined } = {}
  const moneyhub: MoneyhubClient = {
    ...real,
    exchangeCode: async (params) => {
      const during = hook.during
      hook.during = undefined
      if (during !== undefined) await during()
      return real.exchangeCode(params)
    },
  }
  return { ...bffOverSim(world, { clock, moneyhub }), hook }
}

async function startFlow(browser: TestBrowser) {
  const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
  expect(res.status).toBe(200)
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  const back = callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID }))
  return { flowId, back }
}

async function flowOf(browser: TestBrowser, flowId: string): Promise<FlowResponse> {
  return flowResponseSchema.parse(await (await browser.get(`/api/flows/${flowId}`)).json())
}

async function expectSignedIn(browser: TestBrowser) {
  const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
  expect(me.authenticated).toBe(true)
}

describe('a flow whose transaction was taken is settled only by its winner', () => {
  it('GET /api/flows/:id after the transaction lapsed does not expire a flow being exchanged', async () => {
    const { browser, clock, hook } = bffWithExchangeHook()
    const { flowId, back } = await startFlow(browser)
    const seen: FlowResponse[] = []
    // The callback takes the transaction a second before it lapses, and the exchange outlasts
    // it (but not the callback's lease).
    clock.advance(TX_TTL_MS - 1000)
    hook.during = async () => {
      clock.advance(2000)
      seen.push(await flowOf(browser, flowId))
    }
    expect((await browser.navigate(back)).status).toBe(303)
    expect(seen.map((f) => f.status)).toEqual(['pending'])
    const outcome = await flowOf(browser, flowId)
    expect(outcome.status).toBe('succeeded')
    expect(outcome.result?.connectionId).toMatch(new RegExp(`^${MOCK_BANK_ID}:`))
    await expectSignedIn(browser)
  })

  it('a losing callback after the transaction lapsed does not expire it', async () => {
    const { browser, clock, hook } = bffWithExchangeHook()
    const { flowId, back } = await startFlow(browser)
    const loser: number[] = []
    clock.advance(TX_TTL_MS - 1000)
    hook.during = async () => {
      clock.advance(2000)
      loser.push((await browser.navigate(back)).status)
      loser.push((await flowOf(browser, flowId)).status === 'pending' ? 1 : 0)
    }
    expect((await browser.navigate(back)).status).toBe(303)
    expect(loser).toEqual([303, 1])
    expect((await flowOf(browser, flowId)).status).toBe('succeeded')
    await expectSignedIn(browser)
  })

  it('an error callback without state does not end the flow being exchanged', async () => {
    const { browser, hook } = bffWithExchangeHook()
    const { flowId, back } = await startFlow(browser)
    hook.during = async () => {
      const iss = encodeURIComponent(world.sim.issuer)
      // Not proven to belong to any flow: shows its code and changes none.
      expect((await browser.navigate(`/api/callback?error=access_denied&iss=${iss}`)).status).toBe(
        403,
      )
    }
    expect((await browser.navigate(back)).status).toBe(303)
    expect((await flowOf(browser, flowId)).status).toBe('succeeded')
    await expectSignedIn(browser)
  })
})

describe('flow records', () => {
  const record = (now: number): FlowRecord => ({
    flowId: 'f1',
    kind: 'ais',
    status: 'pending',
    returnTo: '/',
    createdAt: now,
    txExpiresAt: now + TX_TTL_MS,
    browserHash: 'b'.repeat(43),
  })

  it('exactly one claimant owns the outcome; others cannot fail a claimed flow', async () => {
    const clock = fakeClock()
    const flows = createFlowRecords(createMemoryStore({ clock }), clock)
    await flows.create(record(clock.now()), 'state-1')
    const claims = await Promise.all([flows.claim('f1'), flows.claim('f1'), flows.claim('f1')])
    expect(claims.filter(Boolean)).toHaveLength(1)
    expect((await flows.failUnclaimed('f1', 'flow_expired'))?.status).toBe('pending')
    expect((await flows.succeed('f1', { connectionId: 'c' }, 's'.repeat(43)))?.status).toBe(
      'succeeded',
    )
    expect((await flows.get('f1'))?.status).toBe('succeeded')
  })

  it('an unclaimed flow is failed once, and its transaction winner can no longer claim it', async () => {
    const clock = fakeClock()
    const flows = createFlowRecords(createMemoryStore({ clock }), clock)
    await flows.create(record(clock.now()), 'state-1')
    const failed = await flows.failUnclaimed('f1', 'flow_expired')
    expect(failed?.error?.code).toBe('flow_expired')
    expect(await flows.claim('f1')).toBe(false)
    expect((await flows.byState('state-1'))?.status).toBe('failed')
  })
})
