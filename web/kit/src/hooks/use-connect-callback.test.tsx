import { renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import type { FakeBff } from '../../test/fake-bff'
import { failedFlow, FLOW_ID, succeededFlow } from '../../test/fixtures'
import type { BffError } from '../api/bff-error'
import { mhkitKeys } from '../query-options/mhkit-keys'
import { useConnectCallback } from './use-connect-callback'
import type { ConnectCallbackOptions } from './use-connect-callback'

function mount(bff: FakeBff, options: ConnectCallbackOptions, queryClient = testQueryClient()) {
  const hook = renderHook(() => useConnectCallback(options), {
    wrapper: kitWrapper(bff, queryClient),
  })
  return { ...hook, queryClient }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useConnectCallback', () => {
  it('fires onSuccess exactly once under StrictMode and strips ?flow from the URL', async () => {
    window.history.replaceState({ router: 'kept' }, '', `/connected?flow=${FLOW_ID}&tab=2`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(succeededFlow) })
    const onSuccess = vi.fn()
    const { result } = mount(bff, { onSuccess })
    await waitFor(() => expect(result.current.status).toBe('succeeded'))
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(succeededFlow)
    expect(window.location.pathname + window.location.search).toBe('/connected?tab=2')
    expect(window.history.state).toEqual({ router: 'kept', mhkitFlow: FLOW_ID })
    expect(bff.calls[0]?.headers.get('x-csrf')).toBe('1')
  })

  it('shows the stored outcome after a reload without firing again', async () => {
    window.history.replaceState(null, '', `/connected?flow=${FLOW_ID}`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(succeededFlow) })
    const onSuccess = vi.fn()
    const first = mount(bff, { onSuccess })
    await waitFor(() => expect(first.result.current.status).toBe('succeeded'))
    first.unmount()

    // A reload: a new QueryClient, the URL already cleaned, the flow id in history.state.
    const reloaded = mount(bff, { onSuccess })
    await waitFor(() => expect(reloaded.result.current.status).toBe('succeeded'))
    expect(reloaded.result.current.flowId).toBe(FLOW_ID)
    expect(onSuccess).toHaveBeenCalledOnce()
  })

  it('invalidates session, accounts, transactions and connections once the flow succeeded', async () => {
    window.history.replaceState(null, '', `/?flow=${FLOW_ID}`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(succeededFlow) })
    const queryClient = testQueryClient()
    for (const key of [mhkitKeys.session(), mhkitKeys.accounts(), mhkitKeys.connections()]) {
      queryClient.setQueryData(key, { data: [] })
    }
    queryClient.setQueryData(mhkitKeys.banks('ais'), { data: [] })
    const { result } = mount(bff, {}, queryClient)
    await waitFor(() => expect(result.current.status).toBe('succeeded'))
    expect(queryClient.getQueryState(mhkitKeys.accounts())?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(mhkitKeys.session())?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(mhkitKeys.connections())?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(mhkitKeys.banks('ais'))?.isInvalidated).toBe(false)
  })

  it('fires onError once with the flow error code when the bank denied access', async () => {
    window.history.replaceState(null, '', `/?flow=${FLOW_ID}`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(failedFlow) })
    const onError = vi.fn()
    const onSuccess = vi.fn()
    const { result } = mount(bff, { onError, onSuccess })
    await waitFor(() => expect(result.current.status).toBe('failed'))
    expect(result.current.error?.code).toBe('access_denied')
    expect(onError).toHaveBeenCalledOnce()
    expect((onError.mock.calls[0]?.[0] as BffError).code).toBe('access_denied')
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('reports an unknown or expired flow through onError', async () => {
    window.history.replaceState(null, '', `/?flow=${FLOW_ID}`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => errorBody('flow_not_found', 404) })
    const onError = vi.fn()
    const { result } = mount(bff, { onError })
    await waitFor(() => expect(result.current.status).toBe('failed'))
    expect(result.current.error?.code).toBe('flow_not_found')
    expect(onError).toHaveBeenCalledOnce()
  })

  it('does nothing when the page has no flow to finish', () => {
    window.history.replaceState(null, '', '/accounts')
    const bff = fakeBff()
    const onSuccess = vi.fn()
    const { result } = mount(bff, { onSuccess })
    expect(result.current.status).toBe('idle')
    expect(bff.calls).toHaveLength(0)
  })

  it('in the popup, tells the opener over BroadcastChannel and leaves the callbacks to it', async () => {
    window.history.replaceState(null, '', `/cb?mhkit_popup=1&flow=${FLOW_ID}`)
    const heard = new Promise<unknown>((resolve) => {
      const channel = new BroadcastChannel('mhkit:connect')
      channel.onmessage = (event: MessageEvent<unknown>) => {
        resolve(event.data)
        channel.close()
      }
    })
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(succeededFlow) })
    const onSuccess = vi.fn()
    const { result } = mount(bff, { onSuccess })
    expect(result.current.status).toBe('popup-handoff')
    await expect(heard).resolves.toEqual({ type: 'mhkit:flow-returned', flowId: FLOW_ID })
    expect(window.location.search).toBe('')
    expect(onSuccess).not.toHaveBeenCalled()
    expect(bff.calls).toHaveLength(0)
  })

  describe('a callback that landed with ?flowError (no flow of this browser)', () => {
    it('fails with the code, fires onError once, cleans the URL and reads no flow', async () => {
      window.history.replaceState(
        { router: 'kept' },
        '',
        '/connected?tab=2&flowError=state_mismatch',
      )
      const bff = fakeBff()
      const onError = vi.fn<(error: BffError) => void>()
      const { result } = mount(bff, { onError })
      await waitFor(() => expect(result.current.status).toBe('failed'))
      expect(result.current.error?.code).toBe('state_mismatch')
      expect(result.current.flowId).toBeUndefined()
      expect(onError).toHaveBeenCalledOnce()
      expect(onError.mock.calls[0]?.[0].code).toBe('state_mismatch')
      expect(window.location.pathname + window.location.search).toBe('/connected?tab=2')
      expect(window.history.state).toMatchObject({ router: 'kept' })
      expect(bff.calls).toHaveLength(0)
    })

    it('still shows the error after a reload without firing onError again', async () => {
      window.history.replaceState(null, '', '/connected?flowError=access_denied')
      const onError = vi.fn()
      const first = mount(fakeBff(), { onError })
      await waitFor(() => expect(first.result.current.status).toBe('failed'))
      first.unmount()
      const reloaded = mount(fakeBff(), { onError })
      expect(reloaded.result.current.status).toBe('failed')
      expect(reloaded.result.current.error?.code).toBe('access_denied')
      expect(onError).toHaveBeenCalledOnce()
    })

    it('shows a code it does not know as a generic failure', async () => {
      window.history.replaceState(null, '', '/connected?flowError=%3Cscript%3E')
      const { result } = mount(fakeBff(), {})
      await waitFor(() => expect(result.current.status).toBe('failed'))
      expect(result.current.error?.code).toBe('internal_error')
    })

    it('prefers a flow id when the page has both', async () => {
      window.history.replaceState(null, '', `/connected?flow=${FLOW_ID}&flowError=state_mismatch`)
      const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(succeededFlow) })
      const { result } = mount(bff, {})
      await waitFor(() => expect(result.current.status).toBe('succeeded'))
    })
  })
})
