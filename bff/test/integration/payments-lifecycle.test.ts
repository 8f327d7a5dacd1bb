/**
 * Payments across the session lifecycle and against what was authorised (issue 10): a signed-in
 * user's payments follow the user, a logout ends a payment waiting at the bank, and a payment
 * that differs at Moneyhub from what was authorised fails its flow.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { paymentListResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { MoneyhubClient } from '../../src/moneyhub'
import type { UserBinding } from '../../src/user-binding'
import { connectAndApprove, storedSession } from '../support/bff-flows'
import { TestBrowser } from '../support/browser'
import { approveFlow, flowOf, PAYMENT, startFlow } from '../support/payment-flows'
import {
  bffOverSim,
  callbackPath,
  simMoneyhub,
  startSimWorld,
  type SimWorld,
} from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

describe('a signed-in user’s payments', () => {
  it('are visible from another session of the same user (a host app binding) and from no one else', async () => {
    // The host app signs the same person in on two devices: its binding names one sub for both.
    let boundSub: string | undefined
    const binding: UserBinding = {
      get: (c) => Promise.resolve(c.req.header('x-host-user') === 'alice' ? boundSub : undefined),
      set: (c, sub) => {
        if (c.req.header('x-host-user') === 'alice' || boundSub === undefined) boundSub = sub
        return Promise.resolve()
      },
    }
    const bff = bffOverSim(world, { userBinding: binding })
    const device = (user: string) =>
      new TestBrowser(
        (path, init) =>
          bff.app.request(path, {
            ...init,
            headers: { ...(init?.headers as Record<string, string>), 'x-host-user': user },
          }),
        APP_ORIGIN,
      )
    const phone = device('alice')
    await connectAndApprove(phone)
    expect(boundSub).toBeTypeOf('string')
    const { flow } = await approveFlow(phone, '/api/payments', PAYMENT)
    const paymentId = flow.result?.paymentId ?? ''

    const laptop = device('alice')
    const onLaptop = await laptop.get(`/api/payments/${paymentId}`)
    expect(onLaptop.status).toBe(200)
    const list = paymentListResponseSchema.parse(await (await laptop.get('/api/payments')).json())
    expect(list.data.map((p) => p.id)).toEqual([paymentId])

    const stranger = device('bob')
    await startFlow(stranger, '/api/payments', PAYMENT)
    expect((await stranger.get(`/api/payments/${paymentId}`)).status).toBe(404)
  })
})

describe('signing in after paying', () => {
  it('an anonymous payer who then connects a bank in the same browser still sees the payment', async () => {
    const bff = bffOverSim(world)
    const { flow } = await approveFlow(bff.browser, '/api/payments', PAYMENT)
    const paymentId = flow.result?.paymentId ?? ''
    const before = bff.browser.cookies.get('__Host-mhkit-session')
    await connectAndApprove(bff.browser)
    // A new session id (docs/security.md S4), the same payments.
    expect(bff.browser.cookies.get('__Host-mhkit-session')).not.toBe(before)
    const list = paymentListResponseSchema.parse(
      await (await bff.browser.get('/api/payments')).json(),
    )
    expect(list.data.map((p) => p.id)).toEqual([paymentId])
    expect((await bff.browser.get(`/api/payments/${paymentId}`)).status).toBe(200)
  })
})

describe('logout and payments', () => {
  it('a logout while the payer is at the bank ends the payment flow: no code is exchanged, so nothing is paid', async () => {
    const bff = bffOverSim(world)
    await connectAndApprove(bff.browser)
    expect((await storedSession(bff.browser, bff.store)).sub).toBeTypeOf('string')
    const { flowId, url } = await startFlow(bff.browser, '/api/payments', {
      ...PAYMENT,
      payeeRef: 'LOGOUT 1',
    })
    const callback = callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID }))
    await bff.browser.send('POST', '/api/logout', {})
    await world.sim.admin.resetCounters()
    await bff.browser.navigate(callback)
    expect((await world.sim.admin.counters())['token:authorization_code'] ?? 0).toBe(0)
    // The browser that logged out may no longer read the flow; the payment never completed.
    const flowRes = await bff.browser.get(`/api/flows/${flowId}`)
    expect(flowRes.status).toBe(404)
    const ours = (await bff.moneyhub.listPayments({ limit: 1000 })).data.filter(
      (p) => p.payeeRef === 'LOGOUT 1',
    )
    expect(ours.map((p) => p.status)).toEqual(['inProgress'])
  })
})

describe('what was authorised is what is paid', () => {
  it('a payment whose amount at Moneyhub differs from the authorised one fails the flow with payment_failed and a security event', async () => {
    const real = simMoneyhub(world)
    // Moneyhub reporting another amount for the payment than the one the PAR carried.
    const moneyhub: MoneyhubClient = {
      ...real,
      getPayment: async (id) => ({ ...(await real.getPayment(id)), amount: PAYMENT.amount + 1 }),
    }
    const bff = bffOverSim(world, { moneyhub })
    const { flow } = await approveFlow(bff.browser, '/api/payments', PAYMENT)
    expect(flow).toMatchObject({ status: 'failed', error: { code: 'payment_failed' } })
    expect(bff.logs.lines.some((l) => l.reason === 'payment_mismatch')).toBe(true)
    expect(await flowOf(bff.browser, flow.flowId)).toEqual(flow)
  })
})
