import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, kitWrapper, testQueryClient } from '../../test/fake-bff'
import type { FakeBff } from '../../test/fake-bff'
import {
  BANK_ID,
  BANK_URL,
  connectAnswer,
  FLOW_ID,
  PAYMENT_ID,
  succeededPaymentFlow,
} from '../../test/fixtures'
import { mhkitKeys } from '../query-options/mhkit-keys'
import { useConnectCallback } from './use-connect-callback'
import { usePayment } from './use-payment'
import type { PaymentOptions } from './use-payment'

const pay = {
  amount: 1500,
  payeeId: 'payee-1',
  payeeRef: 'INV123',
  payerRef: 'INV123',
  bankId: BANK_ID,
}

function fakePopup() {
  const popup = {
    closed: false,
    location: { href: 'about:blank' },
    close: () => {
      popup.closed = true
    },
    focus: () => undefined,
  }
  return popup
}

function setup(options: PaymentOptions, bff: FakeBff, queryClient = testQueryClient()) {
  const hook = renderHook((props: PaymentOptions) => usePayment(props), {
    initialProps: options,
    wrapper: kitWrapper(bff, queryClient),
  })
  return { ...hook, queryClient }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('usePayment', () => {
  it('posts only the payment to /api/payments at click time and redirects to the bank', async () => {
    const bff = fakeBff({ 'POST /api/payments': () => json(connectAnswer) })
    const navigate = vi.fn()
    const { result } = setup({ ...pay, navigate, returnTo: '/paid', onSuccess: vi.fn() }, bff)
    expect(bff.calls).toHaveLength(0)
    await act(async () => {
      await expect(result.current.start()).resolves.toEqual({
        status: 'redirecting',
        flowId: FLOW_ID,
      })
    })
    expect(bff.callsTo('POST /api/payments')[0]?.body).toEqual({ ...pay, returnTo: '/paid' })
    expect(navigate).toHaveBeenCalledExactlyOnceWith(BANK_URL)
    expect(result.current.status).toBe('awaiting-user')
  })

  it('takes the amount and payee per call to start()', async () => {
    const bff = fakeBff({ 'POST /api/payments': () => json(connectAnswer) })
    const { result } = setup({ navigate: vi.fn(), returnTo: '/paid' }, bff)
    await act(async () => {
      await result.current.start({ ...pay, amount: 250 })
    })
    expect(bff.calls[0]?.body).toMatchObject({ amount: 250, payeeId: 'payee-1' })
  })

  it('fails with the BFF code when the payment is refused, calling onError once', async () => {
    const bff = fakeBff({ 'POST /api/payments': () => errorBody('invalid_request', 400) })
    const onError = vi.fn()
    const navigate = vi.fn()
    const { result } = setup({ ...pay, navigate, onError }, bff)
    await act(async () => {
      await result.current.start().catch(() => undefined)
    })
    expect(result.current.error?.code).toBe('invalid_request')
    expect(onError).toHaveBeenCalledOnce()
    expect(navigate).not.toHaveBeenCalled()
  })

  it('in popup mode reports success with the payment id and refreshes the payment list', async () => {
    const bff = fakeBff({
      'POST /api/payments': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(succeededPaymentFlow),
    })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onSuccess = vi.fn()
    const queryClient = testQueryClient()
    queryClient.setQueryData(mhkitKeys.payments(), { data: [] })
    queryClient.setQueryData(mhkitKeys.accounts(), { data: [] })
    const { result } = setup(
      { ...pay, mode: 'popup', onSuccess, returnTo: '/paid' },
      bff,
      queryClient,
    )
    act(() => void result.current.start())
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    expect(popup.location.href).toBe(BANK_URL)
    expect(bff.calls[0]?.body).toMatchObject({ returnTo: '/paid?mhkit_popup=1' })
    act(() => {
      window.dispatchEvent(
        new MessageEvent('message', {
          origin: window.location.origin,
          data: { type: 'mhkit:flow-returned', flowId: FLOW_ID },
        }),
      )
    })
    await waitFor(() => expect(result.current.status).toBe('succeeded'))
    expect(result.current.flow?.result?.paymentId).toBe(PAYMENT_ID)
    expect(onSuccess).toHaveBeenCalledOnce()
    expect(popup.closed).toBe(true)
    expect(queryClient.getQueryState(mhkitKeys.payments())?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(mhkitKeys.accounts())?.isInvalidated).toBe(false)
  })

  it('falls back to redirect when the popup is blocked', async () => {
    const bff = fakeBff({ 'POST /api/payments': () => json(connectAnswer) })
    vi.spyOn(window, 'open').mockReturnValue(null)
    const navigate = vi.fn()
    const onEvent = vi.fn()
    const { result } = setup({ ...pay, mode: 'popup', navigate, onEvent }, bff)
    await act(async () => {
      await result.current.start()
    })
    expect(onEvent).toHaveBeenCalledWith({ type: 'popup_blocked', mode: 'popup' })
    expect(navigate).toHaveBeenCalledExactlyOnceWith(BANK_URL)
  })

  it('is cancelled when the person closes the popup before paying', async () => {
    const bff = fakeBff({
      'POST /api/payments': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json({ flowId: FLOW_ID, status: 'pending', kind: 'payment' }),
    })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onCancel = vi.fn()
    const { result } = setup({ ...pay, mode: 'popup', onCancel, popupPollInterval: 5 }, bff)
    act(() => void result.current.start())
    await waitFor(() => expect(result.current.status).toBe('awaiting-user'))
    popup.closed = true
    await waitFor(() => expect(result.current.status).toBe('cancelled'))
    expect(onCancel).toHaveBeenCalledOnce()
  })
})

describe('the payment return page (useConnectCallback)', () => {
  it('fires onSuccess once under StrictMode and after a reload, refreshing payments', async () => {
    window.history.replaceState(null, '', `/paid?flow=${FLOW_ID}`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(succeededPaymentFlow) })
    const onSuccess = vi.fn()
    const queryClient = testQueryClient()
    queryClient.setQueryData(mhkitKeys.payments(), { data: [] })
    const first = renderHook(() => useConnectCallback({ onSuccess }), {
      wrapper: kitWrapper(bff, queryClient),
    })
    await waitFor(() => expect(first.result.current.status).toBe('succeeded'))
    expect(queryClient.getQueryState(mhkitKeys.payments())?.isInvalidated).toBe(true)
    first.unmount()

    const reloaded = renderHook(() => useConnectCallback({ onSuccess }), {
      wrapper: kitWrapper(bff, testQueryClient()),
    })
    await waitFor(() => expect(reloaded.result.current.status).toBe('succeeded'))
    expect(reloaded.result.current.flow?.result?.paymentId).toBe(PAYMENT_ID)
    expect(onSuccess).toHaveBeenCalledOnce()
  })
})
