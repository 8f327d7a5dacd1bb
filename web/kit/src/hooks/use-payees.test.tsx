import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import { usePayees } from './use-payees'

const PAYEE = { id: '3305bc2c-8848-4fe0-a529-a7f7d35a5722', name: 'Acme Ltd' }

describe('usePayees', () => {
  it('reads "your payees" from GET /api/payees with the CSRF header', async () => {
    const bff = fakeBff({ 'GET /api/payees': () => json({ data: [PAYEE] }) })
    const { result } = renderHook(() => usePayees(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data?.data).toEqual([PAYEE])
    expect(bff.calls).toHaveLength(1)
    expect(bff.calls[0]?.headers.get('X-CSRF')).toBe('1')
  })

  it('refuses an answer that is not the contract (bank details in a payee) instead of showing it', async () => {
    const bff = fakeBff({
      'GET /api/payees': () => json({ data: [{ ...PAYEE, accountNumber: '12345678' }] }),
    })
    const { result } = renderHook(() => usePayees(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.code).toBe('invalid_response')
  })

  it('surfaces unauthenticated as a BffError when nothing was paid in this browser yet', async () => {
    const bff = fakeBff({ 'GET /api/payees': () => errorBody('unauthenticated', 401) })
    const { result } = renderHook(() => usePayees(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.code).toBe('unauthenticated')
  })
})
