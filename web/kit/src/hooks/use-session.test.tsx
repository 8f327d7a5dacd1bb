import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import { useSession } from './use-session'

describe('useSession', () => {
  it('reflects the BFF session', async () => {
    const bff = fakeBff({
      'GET /api/session': () =>
        json({ authenticated: true, user: { id: 'user-1' }, expiresAt: '2026-11-22T12:00:00Z' }),
    })
    const { result } = renderHook(() => useSession(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.data?.authenticated).toBe(true))
    expect(result.current.data?.user?.id).toBe('user-1')
  })

  it('rejects a session answer that breaks the contract (a token field) as invalid_response', async () => {
    const bff = fakeBff({
      'GET /api/session': () => json({ authenticated: false, accessToken: 'leak' }),
    })
    const { result } = renderHook(() => useSession(), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toMatchObject({ code: 'invalid_response' })
    expect(result.current.data).toBeUndefined()
  })
})
