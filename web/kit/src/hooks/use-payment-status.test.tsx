import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import { payment, PAYMENT_ID } from '../../test/fixtures'
import { BffError } from '../api/bff-error'
import { paymentPollDelay } from '../query-options/payments-query'
import { usePaymentStatus } from './use-payment-status'
import { usePayments } from './use-payments'

const state = (status: string, reads: number) => ({
  data: { data: { status } } as { data: { status: 'pending' } },
  error: null,
  dataUpdateCount: reads,
  errorUpdateCount: 0,
})

afterEach(() => {
  vi.useRealTimers()
})

describe('paymentPollDelay', () => {
  it('doubles the delay after each read while the payment is not final, up to the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((reads) => paymentPollDelay(state('pending', reads)))).toEqual(
      [1000, 2000, 4000, 8000, 16000, 30000, 30000],
    )
    expect(
      paymentPollDelay(state('in_progress', 1), { initialInterval: 200, maxInterval: 500 }),
    ).toBe(200)
  })

  it('stops once the status is final', () => {
    for (const status of ['completed', 'rejected', 'cancelled', 'abandoned', 'failed']) {
      expect(paymentPollDelay(state(status, 1)), status).toBe(false)
    }
  })

  it('stops on a definitive read error and keeps trying after a transient one', () => {
    const failed = (error: Error) => ({
      data: undefined,
      error,
      dataUpdateCount: 0,
      errorUpdateCount: 1,
    })
    expect(paymentPollDelay(failed(new BffError('not_found', 'x')))).toBe(false)
    expect(paymentPollDelay(failed(new BffError('network_error', 'x')))).toBe(1000)
  })
})

describe('usePaymentStatus', () => {
  it('polls with backoff until the payment is completed, then stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const statuses = ['pending', 'pending', 'completed']
    const bff = fakeBff({
      'GET /api/payments/:id': () =>
        json({ data: payment({ status: statuses.shift() ?? 'completed' }) }),
    })
    const reads = () => bff.callsTo(`GET /api/payments/${PAYMENT_ID}`).length
    const { result } = renderHook(() => usePaymentStatus(PAYMENT_ID), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(reads()).toBe(1)
    expect(result.current.data?.data.status).toBe('pending')
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(reads()).toBe(2)
    await act(() => vi.advanceTimersByTimeAsync(1999))
    expect(reads()).toBe(2)
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(reads()).toBe(3)
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(result.current.data?.data.status).toBe('completed')
    expect(result.current.isFinal).toBe(true)
    await act(() => vi.advanceTimersByTimeAsync(120_000))
    expect(reads()).toBe(3)
  })

  it('reads nothing without a payment id', async () => {
    const bff = fakeBff()
    const { result } = renderHook(() => usePaymentStatus(undefined), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await act(() => Promise.resolve())
    expect(result.current.fetchStatus).toBe('idle')
    expect(bff.calls).toHaveLength(0)
  })

  it("answers not_found for another session's payment and stops polling", async () => {
    const bff = fakeBff({ 'GET /api/payments/:id': () => errorBody('not_found', 404) })
    const { result } = renderHook(() => usePaymentStatus(PAYMENT_ID), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.error?.code).toBe('not_found'))
    expect(result.current.isFinal).toBe(false)
  })
})

describe('usePayments', () => {
  it('lists the payments of this session, checked against the contract', async () => {
    const bff = fakeBff({
      'GET /api/payments': () => json({ data: [payment({ status: 'completed' })] }),
    })
    const { result } = renderHook(() => usePayments(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.data?.data).toHaveLength(1))
    expect(bff.calls[0]?.headers.get('x-csrf')).toBe('1')
  })

  it('refuses a list that does not match the contract', async () => {
    const bff = fakeBff({
      'GET /api/payments': () => json({ data: [payment({ status: 'teleported' })] }),
    })
    const { result } = renderHook(() => usePayments(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.error?.code).toBe('invalid_response'))
  })
})
