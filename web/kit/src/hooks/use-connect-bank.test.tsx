import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import type { FakeBff } from '../../test/fake-bff'
import {
  BANK_ID,
  BANK_URL,
  connectAnswer,
  failedFlow,
  FLOW_ID,
  succeededFlow,
} from '../../test/fixtures'
import { BffError } from '../api/bff-error'
import { mhkitKeys } from '../query-options/mhkit-keys'
import { useConnectBank } from './use-connect-bank'
import type { ConnectBankOptions, ConnectEvent, ConnectOutcome } from './use-connect-bank'

interface FakePopup {
  closed: boolean
  location: { href: string }
  close: () => void
  focus: () => void
}

function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    location: { href: 'about:blank' },
    close: () => {
      popup.closed = true
    },
    focus: () => undefined,
  }
  return popup
}

function setup(options: ConnectBankOptions, bff: FakeBff) {
  const queryClient = testQueryClient()
  const hook = renderHook((props: ConnectBankOptions) => useConnectBank(props), {
    initialProps: options,
    wrapper: kitWrapper(bff, queryClient),
  })
  return { ...hook, queryClient }
}

function announce(flowId: string, origin = window.location.origin) {
  window.dispatchEvent(
    new MessageEvent('message', { origin, data: { type: 'mhkit:flow-returned', flowId } }),
  )
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useConnectBank in redirect mode', () => {
  it('asks the BFF for a fresh URL at click time and navigates to it', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    const navigate = vi.fn()
    const events: ConnectEvent[] = []
    const { result } = setup({ navigate, bankId: BANK_ID, onEvent: (e) => events.push(e) }, bff)
    expect(bff.calls).toHaveLength(0)

    let outcome: ConnectOutcome | undefined
    await act(async () => {
      outcome = await result.current.start()
    })

    expect(outcome).toEqual({ status: 'redirecting', flowId: FLOW_ID })
    expect(navigate).toHaveBeenCalledExactlyOnceWith(BANK_URL)
    const [call] = bff.callsTo('POST /api/connect')
    expect(call?.headers.get('x-csrf')).toBe('1')
    expect(call?.body).toEqual({ kind: 'ais', bankId: BANK_ID, returnTo: '/' })
    expect(result.current.status).toBe('awaiting-user')
    expect(events.map((e) => e.type)).toEqual(['started', 'url_ready', 'redirecting'])
  })

  it('sends reauth with the connection id and the given return path', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    const { result } = setup({ navigate: vi.fn(), kind: 'reauth', returnTo: '/connected' }, bff)
    await act(async () => {
      await result.current.start({ connectionId: 'c1' })
    })
    expect(bff.calls[0]?.body).toEqual({
      kind: 'reauth',
      connectionId: 'c1',
      returnTo: '/connected',
    })
  })

  it('fails with the BFF code, calls onError once and rejects start()', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => errorBody('upstream_unavailable', 503) })
    const onError = vi.fn()
    const navigate = vi.fn()
    const { result } = setup({ navigate, onError }, bff)
    let rejected: unknown
    await act(async () => {
      await result.current.start().catch((e: unknown) => {
        rejected = e
      })
    })
    expect(rejected).toBeInstanceOf(BffError)
    expect((rejected as BffError).code).toBe('upstream_unavailable')
    expect(result.current.status).toBe('failed')
    expect(result.current.error?.code).toBe('upstream_unavailable')
    expect(onError).toHaveBeenCalledOnce()
    expect(navigate).not.toHaveBeenCalled()
  })

  it('never navigates to a URL that fails the contract schema', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json({ ...connectAnswer, url: 'javascript:alert(1)' }),
    })
    const navigate = vi.fn()
    const { result } = setup({ navigate }, bff)
    await act(async () => {
      await result.current.start().catch(() => undefined)
    })
    expect(result.current.error?.code).toBe('invalid_response')
    expect(navigate).not.toHaveBeenCalled()
  })

  it('joins a flow already under way instead of starting a second one', async () => {
    let answer: (r: Response) => void = () => undefined
    const bff = fakeBff({
      'POST /api/connect': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    const { result } = setup({ navigate: vi.fn() }, bff)
    let first: Promise<ConnectOutcome> | undefined
    let second: Promise<ConnectOutcome> | undefined
    act(() => {
      first = result.current.start()
    })
    act(() => {
      second = result.current.start()
    })
    expect(second).toBe(first)
    await act(async () => {
      answer(json(connectAnswer))
      await first
    })
    expect(bff.callsTo('POST /api/connect')).toHaveLength(1)
  })
})

describe('useConnectBank in popup mode', () => {
  it('opens the popup inside the click before asking the BFF, then points it at the URL', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(succeededFlow),
    })
    const popup = fakePopup()
    let callsWhenOpened = -1
    const open = vi.spyOn(window, 'open').mockImplementation(() => {
      callsWhenOpened = bff.calls.length
      return popup as unknown as Window
    })
    const onSuccess = vi.fn()
    const { result, queryClient } = setup({ mode: 'popup', onSuccess, returnTo: '/cb' }, bff)
    queryClient.setQueryData(mhkitKeys.accounts(), { data: [] })

    let done: Promise<ConnectOutcome> | undefined
    act(() => {
      done = result.current.start()
    })
    expect(open).toHaveBeenCalledOnce()
    expect(open.mock.calls[0]?.[0]).toBe('about:blank')
    expect(callsWhenOpened).toBe(0)

    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    expect(popup.location.href).toBe(BANK_URL)
    expect(bff.calls[0]?.body).toMatchObject({ returnTo: '/cb?mhkit_popup=1' })

    act(() => announce(FLOW_ID))
    await act(async () => {
      await done
    })
    expect(result.current.status).toBe('succeeded')
    expect(result.current.flow).toEqual(succeededFlow)
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(succeededFlow)
    expect(popup.closed).toBe(true)
    expect(queryClient.getQueryState(mhkitKeys.accounts())?.isInvalidated).toBe(true)
    await expect(done).resolves.toEqual({ status: 'succeeded', flow: succeededFlow })
  })

  it('reports popup_blocked and falls back to redirect when window.open returns null', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    vi.spyOn(window, 'open').mockReturnValue(null)
    const navigate = vi.fn()
    const onEvent = vi.fn()
    const { result } = setup({ mode: 'popup', navigate, onEvent, returnTo: '/cb' }, bff)
    await act(async () => {
      await result.current.start()
    })
    expect(onEvent).toHaveBeenCalledWith({ type: 'popup_blocked', mode: 'popup' })
    expect(navigate).toHaveBeenCalledExactlyOnceWith(BANK_URL)
    expect(bff.calls[0]?.body).toMatchObject({ returnTo: '/cb' })
    expect(result.current.state).toMatchObject({ status: 'awaiting-user', mode: 'redirect' })
  })

  it('is cancelled when the user closes the popup before finishing', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json({ flowId: FLOW_ID, status: 'pending', kind: 'ais' }),
    })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onCancel = vi.fn()
    const onSuccess = vi.fn()
    const { result } = setup({ mode: 'popup', onCancel, onSuccess, popupPollInterval: 5 }, bff)
    let done: Promise<ConnectOutcome> | undefined
    act(() => {
      done = result.current.start()
    })
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    popup.closed = true
    await waitFor(() => expect(result.current.status).toBe('cancelled'))
    await expect(done).resolves.toEqual({ status: 'cancelled', flowId: FLOW_ID })
    expect(onCancel).toHaveBeenCalledOnce()
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('still succeeds when the popup closed itself just before its message arrived', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(succeededFlow),
    })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onSuccess = vi.fn()
    const { result } = setup({ mode: 'popup', onSuccess, popupPollInterval: 5 }, bff)
    act(() => void result.current.start())
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    popup.closed = true
    await waitFor(() => expect(result.current.status).toBe('succeeded'))
    expect(onSuccess).toHaveBeenCalledOnce()
  })

  it('fails with the flow error code when the bank denied access', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(failedFlow),
    })
    vi.spyOn(window, 'open').mockReturnValue(fakePopup() as unknown as Window)
    const onError = vi.fn()
    const { result } = setup({ mode: 'popup', onError }, bff)
    let done: Promise<ConnectOutcome> | undefined
    act(() => {
      done = result.current.start()
    })
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    act(() => announce(FLOW_ID))
    await expect(done).rejects.toMatchObject({ code: 'access_denied' })
    await waitFor(() => expect(result.current.status).toBe('failed'))
    expect(onError).toHaveBeenCalledOnce()
    expect((onError.mock.calls[0]?.[0] as BffError).code).toBe('access_denied')
  })

  it('ignores messages from another origin or for another flow', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(succeededFlow),
    })
    vi.spyOn(window, 'open').mockReturnValue(fakePopup() as unknown as Window)
    const { result } = setup({ mode: 'popup' }, bff)
    act(() => void result.current.start())
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    act(() => {
      announce(FLOW_ID, 'https://evil.example')
      announce('some_other_flow_id_0123456789')
    })
    await Promise.resolve()
    expect(result.current.status).toBe('awaiting-user')
    expect(bff.callsTo(`GET /api/flows/${FLOW_ID}`)).toHaveLength(0)
  })

  it('calls the latest onSuccess passed after start, never a stale one', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(succeededFlow),
    })
    vi.spyOn(window, 'open').mockReturnValue(fakePopup() as unknown as Window)
    const first = vi.fn()
    const latest = vi.fn()
    const { result, rerender } = setup({ mode: 'popup', onSuccess: first }, bff)
    act(() => void result.current.start())
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    rerender({ mode: 'popup', onSuccess: latest })
    expect(result.current.status).toBe('awaiting-user')
    act(() => announce(FLOW_ID))
    await waitFor(() => expect(result.current.status).toBe('succeeded'))
    expect(latest).toHaveBeenCalledOnce()
    expect(first).not.toHaveBeenCalled()
    expect(bff.callsTo('POST /api/connect')).toHaveLength(1)
  })

  it('reset() closes the popup and returns to idle', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onCancel = vi.fn()
    const { result } = setup({ mode: 'popup', onCancel }, bff)
    let done: Promise<ConnectOutcome> | undefined
    act(() => {
      done = result.current.start()
    })
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    act(() => result.current.reset())
    expect(result.current.status).toBe('idle')
    expect(popup.closed).toBe(true)
    expect(onCancel).toHaveBeenCalledOnce()
    await expect(done).resolves.toMatchObject({ status: 'cancelled' })
  })

  it('is cancelled without navigating when the blank popup is closed before the URL arrives', async () => {
    let answer: (r: Response) => void = () => undefined
    const bff = fakeBff({
      'POST /api/connect': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onCancel = vi.fn()
    const { result } = setup({ mode: 'popup', onCancel }, bff)
    let done: Promise<ConnectOutcome> | undefined
    act(() => {
      done = result.current.start()
    })
    popup.closed = true
    await act(async () => {
      answer(json(connectAnswer))
      await done
    })
    expect(result.current.status).toBe('cancelled')
    expect(popup.location.href).toBe('about:blank')
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it('closes its popup when the component using it unmounts', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const { result, unmount } = setup({ mode: 'popup' }, bff)
    act(() => void result.current.start())
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    unmount()
    expect(popup.closed).toBe(true)
  })
})

describe('useConnectBank and the back/forward cache', () => {
  it('treats a page restored after leaving for the bank as a cancelled flow', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    const onCancel = vi.fn()
    const { result } = setup({ navigate: vi.fn(), onCancel }, bff)
    await act(async () => {
      await result.current.start()
    })
    expect(result.current.status).toBe('awaiting-user')
    act(() => {
      const event = new Event('pageshow') as PageTransitionEvent
      Object.defineProperty(event, 'persisted', { value: true })
      window.dispatchEvent(event)
    })
    expect(result.current.status).toBe('cancelled')
    expect(onCancel).toHaveBeenCalledOnce()
  })
})
