/**
 * Standing orders through the BFF against the real simulator (issue 10, "BFF routes"): the
 * flow, who may see a standing order, and bad input refused before any upstream call.
 */
import { standingOrderListResponseSchema, standingOrderResponseSchema } from '@mhkit/shared'
import { MOCK_BANK_ID } from '@mhkit/sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TestBrowser } from '../support/browser'
import { approveFlow, codeOf, NEW_PAYEE, startFlow } from '../support/payment-flows'
import { bffOverSim, startSimWorld, type SimWorld } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

const DAY_MS = 24 * 60 * 60 * 1000
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

function order(now: number) {
  return {
    payee: NEW_PAYEE,
    reference: 'RENT FLAT 2',
    frequency: { repeat: 'monthly', day: 1 },
    numberOfPayments: 12,
    firstPaymentAmount: 95_000,
    firstPaymentDate: isoDate(now + 7 * DAY_MS),
    bankId: MOCK_BANK_ID,
    returnTo: '/standing-orders',
  }
}

async function upstreamCallsDuring(act: () => Promise<void>): Promise<number> {
  await world.sim.admin.resetCounters()
  const from = world.wire.length
  await act()
  const counted = Object.values(await world.sim.admin.counters()).reduce((a, n) => a + n, 0)
  return counted + (world.wire.length - from)
}

describe('POST /api/standing-orders', () => {
  it('sets up a standing order as a redirect flow; it shows what was authorised and its status at the bank', async () => {
    const bff = bffOverSim(world)
    const { flow } = await approveFlow(bff.browser, '/api/standing-orders', order(bff.clock.now()))
    expect(flow).toMatchObject({ status: 'succeeded', kind: 'standing_order' })
    const id = flow.result?.standingOrderId ?? ''
    const res = await bff.browser.get(`/api/standing-orders/${id}`)
    expect(res.status).toBe(200)
    expect(standingOrderResponseSchema.parse(await res.json()).data).toMatchObject({
      id,
      status: 'initiation_completed',
      reference: 'RENT FLAT 2',
      frequency: { repeat: 'monthly', day: 1 },
      firstPaymentAmount: { value: 95_000, currency: 'GBP' },
      numberOfPayments: 12,
      firstPaymentDate: isoDate(bff.clock.now() + 7 * DAY_MS),
    })
    const list = standingOrderListResponseSchema.parse(
      await (await bff.browser.get('/api/standing-orders')).json(),
    )
    expect(list.data.map((o) => o.id)).toEqual([id])
  })

  it('a standing order denied at the bank ends access_denied and is not listed', async () => {
    const bff = bffOverSim(world)
    const { flow } = await approveFlow(
      bff.browser,
      '/api/standing-orders',
      order(bff.clock.now()),
      'deny',
    )
    expect(flow).toMatchObject({ status: 'failed', error: { code: 'access_denied' } })
    const list = standingOrderListResponseSchema.parse(
      await (await bff.browser.get('/api/standing-orders')).json(),
    )
    expect(list.data).toEqual([])
  })

  const bad: [string, (now: number) => Record<string, unknown>][] = [
    [
      'both numberOfPayments and finalPaymentDate',
      (now) => ({ finalPaymentDate: isoDate(now + 400 * DAY_MS) }),
    ],
    ['neither numberOfPayments nor finalPaymentDate', () => ({ numberOfPayments: undefined })],
    [
      'a final date before the first',
      (now) => ({ numberOfPayments: undefined, finalPaymentDate: isoDate(now) }),
    ],
    ['a first payment date in the past', (now) => ({ firstPaymentDate: isoDate(now - DAY_MS) })],
    ['monthly without a day', () => ({ frequency: { repeat: 'monthly' } })],
    ['weekly on day 8', () => ({ frequency: { repeat: 'weekly', day: 8 } })],
    ['daily with a day', () => ({ frequency: { repeat: 'daily', day: 1 } })],
    ['a zero first amount', () => ({ firstPaymentAmount: 0 })],
    ['fractional pence', () => ({ recurringPaymentAmount: 10.5 })],
    ['a reference with a forbidden character', () => ({ reference: 'RENT;DROP' })],
    ['no payee', () => ({ payee: undefined })],
    ['an unknown field', () => ({ amount: 1 })],
  ]
  it.each(bad)('refuses %s with 400 invalid_request and no upstream call', async (_, change) => {
    const bff = bffOverSim(world)
    let res: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      res = await bff.browser.send('POST', '/api/standing-orders', {
        ...order(bff.clock.now()),
        ...change(bff.clock.now()),
      })
    })
    expect(res?.status).toBe(400)
    expect(await codeOf(res as Response)).toBe('invalid_request')
    expect(calls).toBe(0)
  })
})

describe('GET /api/standing-orders[/:id]', () => {
  it('another session gets 404 standing_order_not_found, as for a missing id, with no upstream call', async () => {
    const bff = bffOverSim(world)
    const { flow } = await approveFlow(bff.browser, '/api/standing-orders', order(bff.clock.now()))
    const id = flow.result?.standingOrderId ?? ''
    const other = new TestBrowser((path, init) => bff.app.request(path, init), APP_ORIGIN)
    await startFlow(other, '/api/standing-orders', order(bff.clock.now()))
    const answers: Response[] = []
    const calls = await upstreamCallsDuring(async () => {
      answers.push(await other.get(`/api/standing-orders/${id}`))
      answers.push(await other.get('/api/standing-orders/00000000-0000-4000-8000-000000000000'))
    })
    for (const res of answers) {
      expect(res.status).toBe(404)
      expect(await codeOf(res)).toBe('standing_order_not_found')
    }
    expect(calls).toBe(0)
  })

  it('requires a session', async () => {
    const bff = bffOverSim(world)
    const res = await bff.browser.get('/api/standing-orders')
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('unauthenticated')
  })
})
