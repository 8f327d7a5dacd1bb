import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import {
  connectAnswer,
  PAYMENT_ID,
  RECURRING_PAYMENT_ID,
  recurringPayment,
} from '../../test/fixtures'
import { mhkitKeys } from '../query-options/mhkit-keys'
import { usePayWithRecurringPayment } from './use-pay-with-recurring-payment'
import { useRecurringPaymentConsent } from './use-recurring-payment-consent'
import { useRecurringPayments } from './use-recurring-payments'
import { useRevokeRecurringPayment } from './use-revoke-recurring-payment'

const PAY_ROUTE = `POST /api/recurring-payments/${RECURRING_PAYMENT_ID}/pay`
const paid = { data: { paymentId: PAYMENT_ID, status: 'pending' } }
const attempt = {
  recurringPaymentId: RECURRING_PAYMENT_ID,
  amount: 2500,
  payeeRef: 'Sweep',
  payerRef: 'Sweep',
}

afterEach(() => {
  vi.useRealTimers()
})

describe('usePayWithRecurringPayment', () => {
  it('sends the payment with a fresh Idempotency-Key per attempt', async () => {
    const bff = fakeBff({ 'POST /api/recurring-payments/:id/pay': () => json(paid) })
    const { result } = renderHook(() => usePayWithRecurringPayment(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await act(async () => {
      await result.current.mutateAsync(attempt)
      await result.current.mutateAsync(attempt)
    })
    const [first, second] = bff.callsTo(PAY_ROUTE)
    expect(first?.body).toEqual({ amount: 2500, payeeRef: 'Sweep', payerRef: 'Sweep' })
    const key = first?.headers.get('idempotency-key')
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(second?.headers.get('idempotency-key')).not.toBe(key)
    expect(first?.headers.get('x-csrf')).toBe('1')
    await waitFor(() => expect(result.current.data).toEqual(paid))
  })

  it('retries a dropped response with the same key, so money never moves twice', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let calls = 0
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () => {
        calls++
        if (calls === 1) throw new TypeError('Failed to fetch')
        return json(paid)
      },
    })
    const { result } = renderHook(() => usePayWithRecurringPayment(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    act(() => result.current.mutate(attempt))
    await act(() => vi.advanceTimersByTimeAsync(5000))
    const keys = bff.callsTo(PAY_ROUTE).map((call) => call.headers.get('idempotency-key'))
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(result.current.status).toBe('success')
  })

  it('retry() sends the last attempt again with its key', async () => {
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () => errorBody('upstream_timeout', 504),
    })
    const { result } = renderHook(() => usePayWithRecurringPayment(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    act(() => result.current.mutate(attempt))
    await waitFor(() => expect(result.current.error?.code).toBe('upstream_timeout'))
    bff.on('POST /api/recurring-payments/:id/pay', () => json(paid))
    act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('success'))
    const keys = bff.callsTo(PAY_ROUTE).map((call) => call.headers.get('idempotency-key'))
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
  })

  it('pressing Pay again after a dropped answer reuses the key; other details get a new one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let dropping = true
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () => {
        if (dropping) throw new TypeError('Failed to fetch')
        return json(paid)
      },
    })
    const { result } = renderHook(() => usePayWithRecurringPayment(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    act(() => result.current.mutate(attempt))
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(result.current.error?.code).toBe('network_error')
    const dropped = bff.callsTo(PAY_ROUTE).map((call) => call.headers.get('idempotency-key'))
    expect(dropped).toHaveLength(3)
    expect(new Set(dropped).size).toBe(1)

    dropping = false
    act(() => result.current.mutate({ ...attempt }))
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(result.current.status).toBe('success')
    act(() => result.current.mutate(attempt))
    await act(() => vi.advanceTimersByTimeAsync(1000))
    act(() => result.current.mutate({ ...attempt, amount: 2600 }))
    await act(() => vi.advanceTimersByTimeAsync(1000))

    const keys = bff.callsTo(PAY_ROUTE).map((call) => call.headers.get('idempotency-key'))
    expect(keys).toHaveLength(6)
    // The retry of the unanswered attempt carries its key ...
    expect(keys[3]).toBe(dropped[0])
    // ... and after an answer, the same details are a new payment with a new key.
    expect(keys[4]).not.toBe(keys[3])
    expect(keys[5]).not.toBe(keys[4])
  })

  it('a new attempt after a definitive refusal gets a new key', async () => {
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () =>
        errorBody('recurring_payment_limit_exceeded', 422),
    })
    const { result } = renderHook(() => usePayWithRecurringPayment(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    act(() => result.current.mutate(attempt))
    await waitFor(() => expect(result.current.error?.code).toBe('recurring_payment_limit_exceeded'))
    act(() => result.current.mutate(attempt))
    await waitFor(() => expect(bff.callsTo(PAY_ROUTE)).toHaveLength(2))
    const keys = bff.callsTo(PAY_ROUTE).map((call) => call.headers.get('idempotency-key'))
    expect(keys[1]).not.toBe(keys[0])
  })

  it('reports an over-limit payment as payment_failed without retrying it', async () => {
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () => errorBody('payment_failed', 422),
    })
    const { result } = renderHook(() => usePayWithRecurringPayment(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    act(() => result.current.mutate({ ...attempt, amount: 60_000 }))
    await waitFor(() => expect(result.current.error?.code).toBe('payment_failed'))
    expect(bff.callsTo(PAY_ROUTE)).toHaveLength(1)
  })
})

describe('useRecurringPaymentConsent', () => {
  it('posts the consent with its limits and redirects to the bank', async () => {
    const bff = fakeBff({ 'POST /api/recurring-payments': () => json(connectAnswer) })
    const navigate = vi.fn()
    const consent = {
      payeeId: 'payee-1',
      reference: 'Sweep',
      validFromDate: '2026-04-01',
      maximumIndividualAmount: 50_000,
      periodicLimits: [{ amount: 200_000, periodType: 'month' as const }],
      type: ['sweeping' as const],
    }
    const { result } = renderHook(() => useRecurringPaymentConsent({ ...consent, navigate }), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await act(async () => {
      await result.current.start({ returnTo: '/vrp' })
    })
    expect(bff.calls[0]?.body).toEqual({ ...consent, returnTo: '/vrp' })
    expect(navigate).toHaveBeenCalledOnce()
  })
})

describe('useRecurringPayments and useRevokeRecurringPayment', () => {
  it('lists the consents, revokes one and refetches the list', async () => {
    let revoked = false
    const bff = fakeBff({
      'GET /api/recurring-payments': () =>
        json({ data: [recurringPayment(revoked ? { status: 'revoked' } : {})] }),
      'DELETE /api/recurring-payments/:id': () => {
        revoked = true
        return new Response(null, { status: 204 })
      },
    })
    const queryClient = testQueryClient()
    const { result } = renderHook(
      () => ({ list: useRecurringPayments(), revoke: useRevokeRecurringPayment() }),
      { wrapper: kitWrapper(bff, queryClient) },
    )
    await waitFor(() => expect(result.current.list.data?.data[0]?.status).toBe('authorised'))
    await act(async () => {
      await result.current.revoke.mutateAsync(RECURRING_PAYMENT_ID)
    })
    expect(bff.callsTo(`DELETE /api/recurring-payments/${RECURRING_PAYMENT_ID}`)).toHaveLength(1)
    await waitFor(() => expect(result.current.list.data?.data[0]?.status).toBe('revoked'))
    expect(queryClient.getQueryData(mhkitKeys.recurringPayments())).toBeDefined()
  })
})
