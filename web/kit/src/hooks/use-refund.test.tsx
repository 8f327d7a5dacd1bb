import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import { connectAnswer, PAYMENT_ID } from '../../test/fixtures'
import { useRefund } from './use-refund'
import { useStandingOrder } from './use-standing-order'

describe('useRefund', () => {
  it('starts a partial refund of the payment as a redirect flow', async () => {
    const bff = fakeBff({ 'POST /api/payments/:id/refund': () => json(connectAnswer) })
    const navigate = vi.fn()
    const { result } = renderHook(() => useRefund({ paymentId: PAYMENT_ID, navigate }), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await act(async () => {
      await result.current.start({ amount: 500, returnTo: '/payments' })
    })
    expect(bff.callsTo(`POST /api/payments/${PAYMENT_ID}/refund`)[0]?.body).toEqual({
      amount: 500,
      returnTo: '/payments',
    })
    expect(navigate).toHaveBeenCalledOnce()
  })

  it('fails with the BFF code when the payment cannot be refunded', async () => {
    const bff = fakeBff({
      'POST /api/payments/:id/refund': () => errorBody('invalid_request', 400),
    })
    const onError = vi.fn()
    const { result } = renderHook(() => useRefund({ paymentId: PAYMENT_ID, onError }), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await act(async () => {
      await result.current.start().catch(() => undefined)
    })
    expect(result.current.error?.code).toBe('invalid_request')
    expect(onError).toHaveBeenCalledOnce()
  })
})

describe('useStandingOrder', () => {
  it('posts the standing order and redirects to the bank', async () => {
    const bff = fakeBff({ 'POST /api/standing-orders': () => json(connectAnswer) })
    const navigate = vi.fn()
    const order = {
      payeeId: 'payee-1',
      reference: 'Rent',
      frequency: { repeat: 'monthly' as const, day: 1 },
      numberOfPayments: 12,
      firstPaymentAmount: 10_000,
      firstPaymentDate: '2026-04-01',
    }
    const { result } = renderHook(() => useStandingOrder({ ...order, navigate, returnTo: '/so' }), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await act(async () => {
      await result.current.start()
    })
    expect(bff.calls[0]?.body).toEqual({ ...order, returnTo: '/so' })
    expect(navigate).toHaveBeenCalledOnce()
  })
})
