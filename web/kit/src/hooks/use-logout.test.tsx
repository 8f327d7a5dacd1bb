import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import { account } from '../../test/fixtures'
import { mhkitKeys } from '../query-options/mhkit-keys'
import { useLogout } from './use-logout'

describe('useLogout', () => {
  it('ends the session and removes every cached piece of the user data', async () => {
    const bff = fakeBff({
      'POST /api/logout': () => json({ ok: true }),
      'GET /api/session': () => json({ authenticated: false }),
    })
    const queryClient = testQueryClient()
    queryClient.setQueryData(mhkitKeys.accounts(), { data: [account] })
    const { result } = renderHook(() => useLogout(), { wrapper: kitWrapper(bff, queryClient) })
    await act(async () => {
      await result.current.mutateAsync()
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(queryClient.getQueryData(mhkitKeys.accounts())).toBeUndefined()
    const [call] = bff.callsTo('POST /api/logout')
    expect(call?.headers.get('x-csrf')).toBe('1')
    expect(call?.headers.get('content-type')).toBe('application/json')
  })
})
