/**
 * Variable recurring payments through the BFF against the real simulator (issue 10, "BFF
 * routes"): the consent flow, payments within the limits with an Idempotency-Key, funds
 * confirmation, revocation, and everything refused before any upstream call.
 */
import {
  errorBodySchema,
  fundsConfirmationResponseSchema,
  recurringPaymentListResponseSchema,
  recurringPaymentPayResponseSchema,
  recurringPaymentResponseSchema,
} from '@mhkit/shared'
import { MOCK_BANK_ID } from '@mhkit/sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TestBrowser } from '../support/browser'
import { approveFlow, codeOf, NEW_PAYEE, startFlow } from '../support/payment-flows'
import { bffOverSim, startSimWorld, type BffUnderTest, type SimWorld } from '../support/sim-harness'
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

function consent(now: number) {
  return {
    payee: NEW_PAYEE,
    reference: 'SWEEP 1',
    validFromDate: isoDate(now),
    validToDate: isoDate(now + 300 * DAY_MS),
    maximumIndividualAmount: 50_000,
    periodicLimits: [{ amount: 200_000, periodType: 'month', periodAlignment: 'calendar' }],
    type: ['sweeping'],
    bankId: MOCK_BANK_ID,
    returnTo: '/vrp',
  }
}

const PAY = { amount: 1_000, payeeRef: 'SWEEP 1', payerRef: 'SWEEP 1' }
const KEY_A = 'key-aaaaaaaaaaaaaaaa-1'
const KEY_B = 'key-bbbbbbbbbbbbbbbb-2'

/** Runs `act` and answers how many calls the BFF made to Moneyhub (wire and sim counters). */
async function upstreamCallsDuring(act: () => Promise<void>): Promise<number> {
  await world.sim.admin.resetCounters()
  const from = world.wire.length
  await act()
  const counted = Object.values(await world.sim.admin.counters()).reduce((a, n) => a + n, 0)
  return counted + (world.wire.length - from)
}

/** `POST …/pay` with an Idempotency-Key (or none), as the kit sends it. */
async function pay(
  bff: BffUnderTest,
  id: string,
  body: unknown,
  key: string | undefined,
  browser: TestBrowser = bff.browser,
): Promise<Response> {
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return bff.app.request(`/api/recurring-payments/${id}/pay`, {
    method: 'POST',
    headers: {
      'X-CSRF': '1',
      Origin: APP_ORIGIN,
      'Content-Type': 'application/json',
      ...(cookie === '' ? {} : { Cookie: cookie }),
      ...(key === undefined ? {} : { 'Idempotency-Key': key }),
    },
    body: JSON.stringify(body),
  })
}

/** Payments Moneyhub holds under the consent (the simulator lists them on the consent). */
async function paymentsAtMoneyhub(bff: BffUnderTest, id: string): Promise<number> {
  const consentAtMh = (await bff.moneyhub.getRecurringPayment(id)) as { payments?: unknown[] }
  return consentAtMh.payments?.length ?? 0
}

async function authorisedConsent(bff: BffUnderTest): Promise<string> {
  const { flow } = await approveFlow(
    bff.browser,
    '/api/recurring-payments',
    consent(bff.clock.now()),
  )
  expect(flow.status, JSON.stringify(flow.error)).toBe('succeeded')
  expect(flow.kind).toBe('recurring_payment')
  return flow.result?.recurringPaymentId ?? ''
}

describe('POST /api/recurring-payments (VRP consent)', () => {
  it('authorises a consent as a redirect flow; the consent shows its limits and window as authorised', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    const res = await bff.browser.get(`/api/recurring-payments/${id}`)
    expect(res.status).toBe(200)
    const shown = recurringPaymentResponseSchema.parse(await res.json()).data
    expect(shown).toMatchObject({
      id,
      status: 'authorised',
      reference: 'SWEEP 1',
      payeeName: NEW_PAYEE.name,
      maximumIndividualAmount: { value: 50_000, currency: 'GBP' },
      periodicLimits: [
        {
          amount: { value: 200_000, currency: 'GBP' },
          periodType: 'month',
          periodAlignment: 'calendar',
        },
      ],
      validFromDate: isoDate(bff.clock.now()),
    })
    const list = recurringPaymentListResponseSchema.parse(
      await (await bff.browser.get('/api/recurring-payments')).json(),
    )
    expect(list.data.map((c) => c.id)).toEqual([id])
  })

  const bad: [string, (now: number) => Record<string, unknown>][] = [
    ['validToDate before validFromDate', (now) => ({ validToDate: isoDate(now - DAY_MS) })],
    [
      'validToDate in the past',
      (now) => ({ validFromDate: isoDate(now - 9 * DAY_MS), validToDate: isoDate(now - DAY_MS) }),
    ],
    ['a malformed date', () => ({ validFromDate: '01/02/2030' })],
    ['a zero maximum individual amount', () => ({ maximumIndividualAmount: 0 })],
    [
      'fractional pence in a limit',
      () => ({ periodicLimits: [{ amount: 10.5, periodType: 'month' }] }),
    ],
    ['no periodic limit', () => ({ periodicLimits: [] })],
    [
      'two limits for one period',
      () => ({
        periodicLimits: [
          { amount: 1000, periodType: 'month' },
          { amount: 2000, periodType: 'month' },
        ],
      }),
    ],
    ['an unknown period', () => ({ periodicLimits: [{ amount: 1000, periodType: 'hour' }] })],
    ['no type', () => ({ type: [] })],
    ['a 19-character reference', () => ({ reference: 'R'.repeat(19) })],
    ['both payee and payeeId', () => ({ payeeId: 'payee-1' })],
    ['a bad sort code', () => ({ payee: { ...NEW_PAYEE, sortCode: '1234' } })],
  ]
  it.each(bad)('refuses %s with 400 invalid_request and no upstream call', async (_, change) => {
    const bff = bffOverSim(world)
    let res: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      res = await bff.browser.send('POST', '/api/recurring-payments', {
        ...consent(bff.clock.now()),
        ...change(bff.clock.now()),
      })
    })
    expect(res?.status).toBe(400)
    expect(await codeOf(res as Response)).toBe('invalid_request')
    expect(calls).toBe(0)
  })
})

describe('POST /api/recurring-payments/:id/pay', () => {
  it('pays twice within the limits, each payment once', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    const first = await pay(bff, id, PAY, KEY_A)
    const second = await pay(bff, id, { ...PAY, amount: 2_000 }, KEY_B)
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    const a = recurringPaymentPayResponseSchema.parse(await first.json()).data
    const b = recurringPaymentPayResponseSchema.parse(await second.json()).data
    expect(a.status).toBe('completed')
    expect(a.paymentId).not.toBe(b.paymentId)
    expect(await paymentsAtMoneyhub(bff, id)).toBe(2)
  })

  it('a retry with the same key and body answers the first result and never pays twice', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    const first = await (await pay(bff, id, PAY, KEY_A)).json()
    let retried: unknown
    const calls = await upstreamCallsDuring(async () => {
      retried = await (await pay(bff, id, PAY, KEY_A)).json()
    })
    expect(retried).toEqual(first)
    expect(calls).toBe(0)
    expect(await paymentsAtMoneyhub(bff, id)).toBe(1)
  })

  it('two concurrent requests with one key pay once: the other answers the same result or 409 idempotency_key_in_progress', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    const answers = await Promise.all([pay(bff, id, PAY, KEY_A), pay(bff, id, PAY, KEY_A)])
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses[0]).toBe(200)
    expect([200, 409]).toContain(statuses[1])
    for (const res of answers.filter((r) => r.status === 409)) {
      expect(await codeOf(res)).toBe('idempotency_key_in_progress')
    }
    expect(await paymentsAtMoneyhub(bff, id)).toBe(1)
  })

  it('the same key with another body is 409 idempotency_key_reused, with no upstream call', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    expect((await pay(bff, id, PAY, KEY_A)).status).toBe(200)
    let res: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      res = await pay(bff, id, { ...PAY, amount: 1_001 }, KEY_A)
    })
    expect(res?.status).toBe(409)
    expect(await codeOf(res as Response)).toBe('idempotency_key_reused')
    expect(calls).toBe(0)
    expect(await paymentsAtMoneyhub(bff, id)).toBe(1)
  })

  it('refuses, before any upstream call: no key, a malformed key, a bad amount or reference, an amount over the maximum, another session’s consent', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    const other = new TestBrowser((path, init) => bff.app.request(path, init), APP_ORIGIN)
    await startFlow(other, '/api/recurring-payments', consent(bff.clock.now()))
    const cases: [() => Promise<Response>, number, string][] = [
      [() => pay(bff, id, PAY, undefined), 400, 'invalid_request'],
      [() => pay(bff, id, PAY, 'short'), 400, 'invalid_request'],
      [() => pay(bff, id, PAY, `${'x'.repeat(16)}!`), 400, 'invalid_request'],
      [() => pay(bff, id, PAY, 'x'.repeat(129)), 400, 'invalid_request'],
      [() => pay(bff, id, { ...PAY, amount: 0 }, KEY_A), 400, 'invalid_request'],
      [() => pay(bff, id, { ...PAY, amount: 1.5 }, KEY_A), 400, 'invalid_request'],
      [() => pay(bff, id, { ...PAY, payeeRef: 'R'.repeat(19) }, KEY_A), 400, 'invalid_request'],
      [() => pay(bff, id, { ...PAY, payerRef: undefined }, KEY_A), 400, 'invalid_request'],
      [
        () => pay(bff, id, { ...PAY, amount: 50_001 }, KEY_A),
        422,
        'recurring_payment_limit_exceeded',
      ],
      [() => pay(bff, id, PAY, KEY_B, other), 404, 'recurring_payment_not_found'],
      [
        () => pay(bff, '00000000-0000-4000-8000-000000000000', PAY, KEY_B),
        404,
        'recurring_payment_not_found',
      ],
    ]
    const answers: [Response, number, string][] = []
    const calls = await upstreamCallsDuring(async () => {
      for (const [send, status, code] of cases) answers.push([await send(), status, code])
    })
    for (const [res, status, code] of answers) {
      expect(res.status).toBe(status)
      expect(errorBodySchema.parse(await res.json()).error.code).toBe(code)
    }
    expect(calls).toBe(0)
    expect(await paymentsAtMoneyhub(bff, id)).toBe(0)
  })

  it('a payment over the periodic limit, which Moneyhub counts, is refused 422 recurring_payment_limit_exceeded', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    // Four payments of the maximum individual amount use up the monthly 200,000.
    for (let i = 0; i < 4; i += 1) {
      const res = await pay(bff, id, { ...PAY, amount: 50_000 }, `${KEY_A}-${i}`)
      expect(res.status, await res.clone().text()).toBe(200)
    }
    const over = await pay(bff, id, { ...PAY, amount: 1_000 }, KEY_B)
    expect(over.status).toBe(422)
    expect(await codeOf(over)).toBe('recurring_payment_limit_exceeded')
    expect(await paymentsAtMoneyhub(bff, id)).toBe(4)
  })

  it('a refusal by Moneyhub is kept with its key: a retry answers the same error without calling again', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    // Revoked at Moneyhub behind the BFF's back (e.g. by the user at their bank).
    await bff.moneyhub.revokeRecurringPayment(id)
    const first = await pay(bff, id, PAY, KEY_A)
    expect(first.status).toBe(409)
    expect(await codeOf(first)).toBe('recurring_payment_not_active')
    let again: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      again = await pay(bff, id, PAY, KEY_A)
    })
    expect(again?.status).toBe(409)
    expect(await codeOf(again as Response)).toBe('recurring_payment_not_active')
    expect(calls).toBe(0)
    expect(await paymentsAtMoneyhub(bff, id)).toBe(0)
  })
})

describe('funds confirmation, reading and revoking', () => {
  it('confirms funds for an amount', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    const res = await bff.browser.send('POST', `/api/recurring-payments/${id}/funds-confirmation`, {
      amount: 1_000,
    })
    expect(res.status).toBe(200)
    expect(fundsConfirmationResponseSchema.parse(await res.json()).data.fundsAvailable).toBe(true)
  })

  it('refuses a bad funds-confirmation amount with 400 and no upstream call', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    let res: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      res = await bff.browser.send('POST', `/api/recurring-payments/${id}/funds-confirmation`, {
        amount: -1,
      })
    })
    expect(res?.status).toBe(400)
    expect(calls).toBe(0)
  })

  it('revokes with 204; the consent shows revoked and a later payment is refused 409 recurring_payment_not_active with no upstream call', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    expect((await pay(bff, id, PAY, KEY_A)).status).toBe(200)
    const revoked = await bff.browser.send('DELETE', `/api/recurring-payments/${id}`)
    expect(revoked.status).toBe(204)
    const shown = recurringPaymentResponseSchema.parse(
      await (await bff.browser.get(`/api/recurring-payments/${id}`)).json(),
    ).data
    expect(shown.status).toBe('revoked')
    expect(shown.revokedAt).toBeTypeOf('string')
    let res: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      res = await pay(bff, id, PAY, KEY_B)
    })
    expect(res?.status).toBe(409)
    expect(await codeOf(res as Response)).toBe('recurring_payment_not_active')
    expect(calls).toBe(0)
    expect(await paymentsAtMoneyhub(bff, id)).toBe(1)
  })

  it('another session can neither read, confirm funds for nor revoke the consent: 404 recurring_payment_not_found, no upstream call', async () => {
    const bff = bffOverSim(world)
    const id = await authorisedConsent(bff)
    const other = new TestBrowser((path, init) => bff.app.request(path, init), APP_ORIGIN)
    await startFlow(other, '/api/recurring-payments', consent(bff.clock.now()))
    const answers: Response[] = []
    const calls = await upstreamCallsDuring(async () => {
      answers.push(await other.get(`/api/recurring-payments/${id}`))
      answers.push(
        await other.send('POST', `/api/recurring-payments/${id}/funds-confirmation`, {
          amount: 1_000,
        }),
      )
      answers.push(await other.send('DELETE', `/api/recurring-payments/${id}`))
    })
    for (const res of answers) {
      expect(res.status).toBe(404)
      expect(await codeOf(res)).toBe('recurring_payment_not_found')
    }
    expect(calls).toBe(0)
    const list = recurringPaymentListResponseSchema.parse(
      await (await other.get('/api/recurring-payments')).json(),
    )
    expect(list.data).toEqual([])
    const mine = recurringPaymentResponseSchema.parse(
      await (await bff.browser.get(`/api/recurring-payments/${id}`)).json(),
    ).data
    expect(mine.status).toBe('authorised')
  })
})
