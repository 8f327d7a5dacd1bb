import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import { useFundsConfirmation } from './use-funds-confirmation'

const CONSENT = 'a4e2f5b5-1610-4bc9-991b-936407862910'

describe('useFundsConfirmation', () => {
  it("asks the BFF whether the payer's account holds the amount, in pence and GBP", async () => {
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/funds-confirmation': () =>
        json({ data: { fundsAvailable: true, checkedAt: '2026-12-06T12:00:00.000Z' } }),
    })
    const { result } = renderHook(() => useFundsConfirmation(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    act(() => result.current.mutate({ recurringPaymentId: CONSENT, amount: 2500 }))
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data?.data.fundsAvailable).toBe(true)
    expect(bff.calls[0]?.path).toBe(`/api/recurring-payments/${CONSENT}/funds-confirmation`)
    expect(bff.calls[0]?.body).toEqual({ amount: 2500, currency: 'GBP' })
    expect(bff.calls[0]?.headers.get('X-CSRF')).toBe('1')
  })

  it("surfaces the BFF's refusal as a BffError", async () => {
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/funds-confirmation': () =>
        errorBody('recurring_payment_not_found', 404),
    })
    const { result } = renderHook(() => useFundsConfirmation(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    act(() => result.current.mutate({ recurringPaymentId: CONSENT, amount: 2500 }))
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.code).toBe('recurring_payment_not_found')
  })
})
