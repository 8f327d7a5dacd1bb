import { afterEach, describe, expect, it, vi } from 'vitest'
import { bffRejection } from '../../test/bff-rejection'
import { fakeBff, json } from '../../test/fake-bff'
import { account, payment, PAYMENT_ID } from '../../test/fixtures'
import { createBffClient } from './bff-client'
import type { BffError } from './bff-error'
import { paymentSchema } from './payment-schema'

afterEach(() => {
  vi.doUnmock('./payment-check-schemas')
  vi.resetModules()
})

// The payment routes' answers are checked from their own chunk, the data routes' from the
// contract chunk: both must still refuse an answer that breaks the contract.
describe('answer checks split by route', () => {
  it("returns a payment route's answer once its lazily loaded schema accepts it", async () => {
    const bff = fakeBff({ 'GET /api/payments/:id': () => json({ data: payment() }) })
    const client = createBffClient({ fetch: bff.fetch })
    const answer = await client.request({
      method: 'GET',
      path: `/payments/${PAYMENT_ID}`,
      schema: paymentSchema('payment'),
    })
    expect(answer.data.id).toBe(PAYMENT_ID)
  })

  it("refuses a payment route's answer that breaks the contract", async () => {
    const bff = fakeBff({
      'GET /api/payments/:id': () => json({ data: payment({ status: 'teleported' }) }),
    })
    const client = createBffClient({ fetch: bff.fetch })
    const error = await bffRejection(
      client.request({
        method: 'GET',
        path: `/payments/${PAYMENT_ID}`,
        schema: paymentSchema('payment'),
      }),
    )
    expect(error.code).toBe('invalid_response')
  })

  it("refuses a data route's answer that breaks the contract", async () => {
    const bff = fakeBff({
      'GET /api/accounts': () => json({ data: [{ ...account, balance: 'lots' }] }),
    })
    const client = createBffClient({ fetch: bff.fetch })
    const error = await bffRejection(
      client.request({ method: 'GET', path: '/accounts', schema: 'accounts' }),
    )
    expect(error.code).toBe('invalid_response')
  })

  it('fails with network_error, never unvalidated data, when the payment checks cannot load', async () => {
    vi.resetModules()
    vi.doMock('./payment-check-schemas', () => {
      throw new Error('chunk failed to load')
    })
    const fresh = await import('./bff-client')
    const { paymentSchema: freshPaymentSchema } = await import('./payment-schema')
    const { BffError: FreshBffError } = await import('./bff-error')
    const bff = fakeBff({ 'GET /api/payments/:id': () => json({ data: payment() }) })
    const client = fresh.createBffClient({ fetch: bff.fetch })
    const error: unknown = await client
      .request({
        method: 'GET',
        path: `/payments/${PAYMENT_ID}`,
        schema: freshPaymentSchema('payment'),
      })
      .then(
        () => 'resolved',
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(FreshBffError)
    expect((error as BffError).code).toBe('network_error')
    expect(bff.calls).toHaveLength(1)
  })
})
