/**
 * "Your payees" (`GET /api/payees`) against the real simulator: the payees a browser paid are
 * listed by Moneyhub id and name, most recent first and once each; a payment to a listed payee
 * by id keeps its name; another browser's payees are never listed.
 */
import { payeeListResponseSchema, paymentResponseSchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import { TestBrowser } from '../support/browser'
import { approveFlow, codeOf, NEW_PAYEE, PAYMENT } from '../support/payment-flows'
import { bffOverSim, simWorldPerFile, type BffUnderTest } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

const world = simWorldPerFile()

async function payeesOf(browser: TestBrowser) {
  const res = await browser.get('/api/payees')
  expect(res.status, await res.clone().text()).toBe(200)
  return payeeListResponseSchema.parse(await res.json()).data
}

async function pay(bff: BffUnderTest, body: Record<string, unknown>): Promise<string> {
  const { flow } = await approveFlow(bff.browser, '/api/payments', { ...PAYMENT, ...body })
  expect(flow.status, JSON.stringify(flow.error)).toBe('succeeded')
  return flow.result?.paymentId ?? ''
}

describe('GET /api/payees', () => {
  it('lists a payee entered by bank details once paid, newest first and once each', async () => {
    const bff = bffOverSim(world)
    await pay(bff, { payee: NEW_PAYEE })
    const [acme] = await payeesOf(bff.browser)
    expect(acme).toEqual({ id: expect.any(String) as string, name: NEW_PAYEE.name })

    const other = { name: 'Bobs Bikes', sortCode: '654321', accountNumber: '87654321' }
    await pay(bff, { payee: other })
    const both = await payeesOf(bff.browser)
    expect(both.map((p) => p.name)).toEqual(['Bobs Bikes', NEW_PAYEE.name])

    // Paying Acme again by its id moves it to the top, keeps its name and lists it once.
    const again = await pay(bff, { payee: undefined, payeeId: acme?.id })
    expect((await payeesOf(bff.browser)).map((p) => p.name)).toEqual([NEW_PAYEE.name, 'Bobs Bikes'])
    const payment = await bff.browser.get(`/api/payments/${again}`)
    expect(paymentResponseSchema.parse(await payment.json()).data.payeeName).toBe(NEW_PAYEE.name)
  })

  it('never lists another browser’s payees', async () => {
    const bff = bffOverSim(world)
    await pay(bff, { payee: { ...NEW_PAYEE, name: 'Only Mine Ltd' } })
    const stranger = new TestBrowser((path, init) => bff.app.request(path, init), APP_ORIGIN)
    await pay(
      { ...bff, browser: stranger },
      { payee: { name: 'Stranger Co', sortCode: '111111', accountNumber: '22222222' } },
    )
    expect((await payeesOf(bff.browser)).map((p) => p.name)).toEqual(['Only Mine Ltd'])
    expect((await payeesOf(stranger)).map((p) => p.name)).toEqual(['Stranger Co'])
  })

  it('answers 401 unauthenticated without a session, before reading anything', async () => {
    const bff = bffOverSim(world)
    const res = await bff.browser.get('/api/payees')
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('unauthenticated')
  })
})
