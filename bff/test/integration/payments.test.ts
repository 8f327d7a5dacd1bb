/**
 * Single payments and refunds through the BFF against the real simulator (issue 10, "BFF
 * routes"): the flow, who may see a payment, replayed callbacks, and bad input refused before
 * any upstream call.
 */
import { MOCK_BANK_ID } from '@mhkit/sim'
import { paymentListResponseSchema, paymentResponseSchema, PAYMENT_AMOUNT_MAX } from '@mhkit/shared'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { connectAndApprove, storedSession } from '../support/bff-flows'
import { TestBrowser } from '../support/browser'
import {
  approveFlow,
  codeOf,
  flowOf,
  NEW_PAYEE,
  PAYMENT,
  startFlow,
} from '../support/payment-flows'
import { bffOverSim, startSimWorld, type BffUnderTest, type SimWorld } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

/** The request objects of the PARs sent since `from` on the wire. */
function parRequestObjects(from: number): Record<string, unknown>[] {
  return world.wire
    .slice(from)
    .map((body) => new URLSearchParams(body).get('request'))
    .filter((jwt): jwt is string => jwt !== null && jwt.split('.').length === 3)
    .map((jwt) => decodeJwt(jwt))
}

/** Runs `act` and answers whether the BFF called Moneyhub (the wire and the sim's counters). */
async function upstreamCallsDuring(act: () => Promise<void>): Promise<number> {
  await world.sim.admin.resetCounters()
  const from = world.wire.length
  await act()
  const counted = Object.values(await world.sim.admin.counters()).reduce((a, n) => a + n, 0)
  return counted + (world.wire.length - from)
}

/** A second browser on the same BFF (another device or person). */
function otherBrowser(bff: BffUnderTest): TestBrowser {
  return new TestBrowser((path, init) => bff.app.request(path, init), APP_ORIGIN)
}

async function paidBy(bff: BffUnderTest, body: unknown = PAYMENT): Promise<string> {
  const { flow } = await approveFlow(bff.browser, '/api/payments', body)
  expect(flow.status, JSON.stringify(flow.error)).toBe('succeeded')
  return flow.result?.paymentId ?? ''
}

describe('POST /api/payments', () => {
  it('an anonymous payer pays a new payee: the payee is registered first, the flow holds { paymentId, status } and the payment is readable', async () => {
    const bff = bffOverSim(world)
    const from = world.wire.length
    const { flow } = await approveFlow(bff.browser, '/api/payments', PAYMENT)
    expect(flow).toMatchObject({ status: 'succeeded', kind: 'payment', returnTo: '/pay/done' })
    const paymentId = flow.result?.paymentId ?? ''
    expect(flow.result).toEqual({ paymentId, status: 'completed' })

    // The payee was registered at Moneyhub before the PAR, and the claim names it by id.
    const payeeIndex = world.wire.slice(from).findIndex((body) => body.includes('"sortCode"'))
    expect(payeeIndex).toBeGreaterThanOrEqual(0)
    const [par] = parRequestObjects(from)
    const claim = (par?.claims as { id_token: Record<string, { value?: unknown }> }).id_token
    const value = claim['mh:payment']?.value as Record<string, unknown>
    expect(value).toMatchObject({ amount: 1234, payeeRef: 'INV 1001', payerRef: 'ACME 1001' })
    expect(value.payeeId).toBeTypeOf('string')
    expect(claim.sub).toBeUndefined()
    expect(String(par?.scope).split(' ')).toEqual(
      expect.arrayContaining(['openid', 'payment', `id:${MOCK_BANK_ID}`]),
    )

    const one = await bff.browser.get(`/api/payments/${paymentId}`)
    expect(one.status).toBe(200)
    expect(paymentResponseSchema.parse(await one.json()).data).toMatchObject({
      id: paymentId,
      amount: { value: 1234, currency: 'GBP' },
      status: 'completed',
      payeeName: NEW_PAYEE.name,
      payeeRef: 'INV 1001',
      payerRef: 'ACME 1001',
    })
    const list = paymentListResponseSchema.parse(
      await (await bff.browser.get('/api/payments')).json(),
    )
    expect(list.data.map((p) => p.id)).toEqual([paymentId])
    // Anonymous: nobody is signed in by a payment.
    expect(await (await bff.browser.get('/api/session')).json()).toEqual({ authenticated: false })
  })

  it('a signed-in user pays a registered payee: sub is asked for with its value and the payment is theirs at Moneyhub', async () => {
    const bff = bffOverSim(world)
    await connectAndApprove(bff.browser)
    const sub = (await storedSession(bff.browser, bff.store)).sub ?? ''
    const payee = await bff.moneyhub.createPayee(NEW_PAYEE)
    const from = world.wire.length
    const paymentId = await paidBy(bff, { ...PAYMENT, payee: undefined, payeeId: payee.id })
    const [par] = parRequestObjects(from)
    const claim = (par?.claims as { id_token: Record<string, { value?: unknown }> }).id_token
    expect(claim.sub?.value).toBe(sub)
    const upstream = await bff.moneyhub.getPayment(paymentId)
    expect(upstream).toMatchObject({ amount: 1234, payeeId: payee.id, userId: sub })
    // Still signed in as the same user.
    expect(await (await bff.browser.get('/api/session')).json()).toMatchObject({
      authenticated: true,
      user: { id: sub },
    })
  })

  it('a replayed or reloaded payment callback shows the stored outcome and never pays twice', async () => {
    const bff = bffOverSim(world)
    const before = (await bff.moneyhub.listPayments({ limit: 1000 })).data.length
    await world.sim.admin.resetCounters()
    const { flow, callback } = await approveFlow(bff.browser, '/api/payments', PAYMENT)
    for (let i = 0; i < 3; i += 1) {
      const again = await bff.browser.navigate(callback)
      expect(again.status).toBe(303)
      expect(again.headers.get('location')).toBe(`/pay/done?flow=${flow.flowId}`)
    }
    expect(await flowOf(bff.browser, flow.flowId)).toEqual(flow)
    const counters = await world.sim.admin.counters()
    expect(counters['token:authorization_code']).toBe(1)
    const after = (await bff.moneyhub.listPayments({ limit: 1000 })).data.length
    expect(after - before).toBe(1)
  })

  it('the browser cannot change what was authorised: a callback carrying an amount is refused and the authorised amount is paid', async () => {
    const bff = bffOverSim(world)
    const { flowId, url } = await startFlow(bff.browser, '/api/payments', PAYMENT)
    const { approveConsent } = await import('@mhkit/sim')
    const callback = new URL(await approveConsent(url, { bankId: MOCK_BANK_ID }))
    const tampered = `${callback.pathname}${callback.search}&amount=1`
    const refused = await bff.browser.navigate(tampered)
    expect(refused.status).toBe(400)
    expect(await codeOf(refused)).toBe('invalid_request')
    expect((await flowOf(bff.browser, flowId)).status).toBe('pending')
    await bff.browser.navigate(`${callback.pathname}${callback.search}`)
    const flow = await flowOf(bff.browser, flowId)
    const paid = await bff.moneyhub.getPayment(flow.result?.paymentId ?? '')
    expect(paid.amount).toBe(PAYMENT.amount)
  })

  it('a payment denied at the bank ends access_denied and is not listed', async () => {
    const bff = bffOverSim(world)
    const { flow } = await approveFlow(bff.browser, '/api/payments', PAYMENT, 'deny')
    expect(flow).toMatchObject({ status: 'failed', error: { code: 'access_denied' } })
    const list = paymentListResponseSchema.parse(
      await (await bff.browser.get('/api/payments')).json(),
    )
    expect(list.data).toEqual([])
  })

  it('a payment the bank rejects is authorised but ends failed', async () => {
    const bff = bffOverSim(world)
    const { flow } = await approveFlow(bff.browser, '/api/payments', {
      ...PAYMENT,
      payeeRef: 'INVALID SUBMISSION',
    })
    expect(flow.result?.status).toBe('failed')
    const res = await bff.browser.get(`/api/payments/${flow.result?.paymentId ?? ''}`)
    expect(paymentResponseSchema.parse(await res.json()).data.status).toBe('failed')
  })

  const bad: [string, Record<string, unknown>][] = [
    ['amount zero', { amount: 0 }],
    ['negative amount', { amount: -100 }],
    ['fractional pence', { amount: 12.5 }],
    ['amount as a string', { amount: '1234' }],
    ['amount over the ceiling', { amount: PAYMENT_AMOUNT_MAX + 1 }],
    ['another currency', { currency: 'EUR' }],
    ['both payee and payeeId', { payeeId: 'payee-1' }],
    ['neither payee nor payeeId', { payee: undefined }],
    ['a sort code with dashes', { payee: { ...NEW_PAYEE, sortCode: '12-34-56' } }],
    ['a 7-digit account number', { payee: { ...NEW_PAYEE, accountNumber: '1234567' } }],
    ['a payee name with a control character', { payee: { ...NEW_PAYEE, name: 'A\u0007' } }],
    ['a 19-character payeeRef', { payeeRef: 'A'.repeat(19) }],
    ['a payerRef with a forbidden character', { payerRef: 'INV<1>' }],
    ['an empty payerRef', { payerRef: '' }],
    ['a malformed bankId', { bankId: 'mock' }],
    ['an off-site returnTo', { returnTo: 'https://evil.example/' }],
    ['an unknown field', { status: 'completed' }],
  ]
  it.each(bad)('refuses %s with 400 invalid_request and no upstream call', async (_, change) => {
    const bff = bffOverSim(world)
    let res: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      res = await bff.browser.send('POST', '/api/payments', { ...PAYMENT, ...change })
    })
    expect(res?.status).toBe(400)
    expect(await codeOf(res as Response)).toBe('invalid_request')
    expect(calls).toBe(0)
    // Nothing was started: no session, no login-transaction cookie.
    expect(bff.browser.cookies.size).toBe(0)
  })
})

describe('GET /api/payments[/:id]', () => {
  it('shows a payment only to the browser that made it: any other session gets 404 payment_not_found exactly as for a missing id, with no upstream call', async () => {
    const bff = bffOverSim(world)
    const paymentId = await paidBy(bff)
    const other = otherBrowser(bff)
    // Without any session: a 401, as every route that needs one.
    const anonymous = await other.get(`/api/payments/${paymentId}`)
    expect(anonymous.status).toBe(401)
    expect(await codeOf(anonymous)).toBe('unauthenticated')
    // With a session of its own (it started a payment it never finished).
    await startFlow(other, '/api/payments', PAYMENT)
    let theirs: Response | undefined
    let missing: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      theirs = await other.get(`/api/payments/${paymentId}`)
      missing = await other.get('/api/payments/00000000-0000-4000-8000-000000000000')
    })
    expect(calls).toBe(0)
    expect(theirs?.status).toBe(404)
    expect(missing?.status).toBe(404)
    const body = async (res: Response | undefined) => {
      const json = (await res?.json()) as { error: Record<string, unknown> }
      const { correlationId: _, ...rest } = json.error
      return rest
    }
    const theirsBody = await body(theirs)
    expect(theirsBody).toEqual(await body(missing))
    expect(theirsBody).toMatchObject({ code: 'payment_not_found' })
    const list = paymentListResponseSchema.parse(await (await other.get('/api/payments')).json())
    expect(list.data).toEqual([])
  })

  it('refuses a malformed id with 400 and no upstream call', async () => {
    const bff = bffOverSim(world)
    await paidBy(bff)
    let res: Response | undefined
    const calls = await upstreamCallsDuring(async () => {
      res = await bff.browser.get('/api/payments/..%2Fpayees')
    })
    expect(res?.status).toBe(400)
    expect(calls).toBe(0)
  })

  it('requires a session for the list', async () => {
    const bff = bffOverSim(world)
    const res = await bff.browser.get('/api/payments')
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('unauthenticated')
  })
})

describe('POST /api/payments/:id/refund', () => {
  it('refunds part of a completed payment as a redirect flow; the refund is a payment of this session', async () => {
    const bff = bffOverSim(world)
    const paymentId = await paidBy(bff)
    const from = world.wire.length
    const { flow } = await approveFlow(bff.browser, `/api/payments/${paymentId}/refund`, {
      amount: 500,
      returnTo: '/payments',
    })
    expect(flow).toMatchObject({ status: 'succeeded', kind: 'reverse_payment' })
    const refundId = flow.result?.paymentId ?? ''
    expect(refundId).not.toBe(paymentId)
    const [par] = parRequestObjects(from)
    const claim = (par?.claims as { id_token: Record<string, { value?: unknown }> }).id_token
    expect(claim['mh:reverse_payment']?.value).toEqual({ paymentId, amount: 500 })
    const refund = paymentResponseSchema.parse(
      await (await bff.browser.get(`/api/payments/${refundId}`)).json(),
    ).data
    expect(refund.amount.value).toBe(500)
    const list = paymentListResponseSchema.parse(
      await (await bff.browser.get('/api/payments')).json(),
    )
    expect(list.data.map((p) => p.id).sort()).toEqual([paymentId, refundId].sort())
  })

  it('refunds the whole payment when no amount is given', async () => {
    const bff = bffOverSim(world)
    const paymentId = await paidBy(bff)
    const { flow } = await approveFlow(bff.browser, `/api/payments/${paymentId}/refund`, {})
    const refund = await bff.moneyhub.getPayment(flow.result?.paymentId ?? '')
    expect(refund.amount).toBe(PAYMENT.amount)
  })

  it('refuses, before any upstream call: another session’s payment (404), more than was paid (400), a refund of a refund (409 payment_not_reversible)', async () => {
    const bff = bffOverSim(world)
    const paymentId = await paidBy(bff)
    const { flow } = await approveFlow(bff.browser, `/api/payments/${paymentId}/refund`, {
      amount: 100,
    })
    const refundId = flow.result?.paymentId ?? ''
    const other = otherBrowser(bff)
    await startFlow(other, '/api/payments', PAYMENT)
    const answers: [Response, number, string][] = []
    const calls = await upstreamCallsDuring(async () => {
      answers.push([
        await other.send('POST', `/api/payments/${paymentId}/refund`, {}),
        404,
        'payment_not_found',
      ])
      answers.push([
        await bff.browser.send('POST', `/api/payments/${paymentId}/refund`, {
          amount: PAYMENT.amount + 1,
        }),
        400,
        'invalid_request',
      ])
      answers.push([
        await bff.browser.send('POST', `/api/payments/${paymentId}/refund`, { amount: 0 }),
        400,
        'invalid_request',
      ])
      answers.push([
        await bff.browser.send('POST', `/api/payments/${refundId}/refund`, {}),
        409,
        'payment_not_reversible',
      ])
    })
    for (const [res, status, code] of answers) {
      expect(res.status).toBe(status)
      expect(await codeOf(res)).toBe(code)
    }
    expect(calls).toBe(0)
  })

  it('refuses a payment that did not complete with 409 payment_not_completed and sends no PAR', async () => {
    const bff = bffOverSim(world)
    const paymentId = await paidBy(bff, { ...PAYMENT, payeeRef: 'INVALID SUBMISSION' })
    await world.sim.admin.resetCounters()
    const res = await bff.browser.send('POST', `/api/payments/${paymentId}/refund`, {})
    expect(res.status).toBe(409)
    expect(await codeOf(res)).toBe('payment_not_completed')
    expect((await world.sim.admin.counters()).par ?? 0).toBe(0)
  })
})
