// The flow controller without React: the HTTP boundary is a fake BFF behind the real client.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json } from '../../test/fake-bff'
import type { FakeBff } from '../../test/fake-bff'
import { BANK_URL, connectAnswer, failedFlow, FLOW_ID, succeededFlow } from '../../test/fixtures'
import { createBffClient } from '../api/bff-client'
import { BffError } from '../api/bff-error'
import type { FlowResponse } from '../api/contract'
import { createFlowController } from './create-flow-controller'
import type { FlowControllerOptions, FlowEvent } from './create-flow-controller'

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

type Params = { returnTo?: string; bankId?: string }

function controllerOver(bff: FakeBff, extra: Partial<FlowControllerOptions<Params>> = {}) {
  const client = createBffClient({ fetch: bff.fetch })
  const events: FlowEvent[] = []
  const onSettled = vi.fn()
  const controller = createFlowController<Params>({
    begin: (params, returnTo) =>
      client.request({
        method: 'POST',
        path: '/connect',
        body: { kind: 'ais', returnTo, ...(params.bankId ? { bankId: params.bankId } : {}) },
        schema: 'connect',
      }),
    readFlow: (flowId) =>
      client.request({ method: 'GET', path: `/flows/${flowId}`, schema: 'flow' }),
    onSettled,
    onEvent: (event) => events.push(event),
    ...extra,
  })
  return { controller, events, onSettled }
}

function announce(flowId: string) {
  window.dispatchEvent(
    new MessageEvent('message', {
      origin: window.location.origin,
      data: { type: 'mhkit:flow-returned', flowId },
    }),
  )
}

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true))

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createFlowController', () => {
  it('asks for a fresh URL on start, navigates to it and notifies subscribers', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    const navigate = vi.fn()
    const { controller, events } = controllerOver(bff, { navigate, params: { returnTo: '/cb' } })
    const seen: string[] = []
    controller.subscribe(() => seen.push(controller.getState().status))

    await expect(controller.start()).resolves.toEqual({ status: 'redirecting', flowId: FLOW_ID })

    expect(navigate).toHaveBeenCalledExactlyOnceWith(BANK_URL)
    expect(bff.calls[0]?.body).toEqual({ kind: 'ais', returnTo: '/cb' })
    expect(seen).toEqual(['preparing', 'awaiting-user'])
    expect(events.map((e) => e.type)).toEqual(['started', 'url_ready', 'redirecting'])
  })

  it('rejects with the BFF code, fails once and never navigates', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => errorBody('rate_limited', 429) })
    const navigate = vi.fn()
    const onError = vi.fn()
    const { controller } = controllerOver(bff, { navigate, onError })
    await expect(controller.start()).rejects.toMatchObject({ code: 'rate_limited' })
    expect(controller.getState()).toMatchObject({ status: 'failed' })
    expect(onError).toHaveBeenCalledOnce()
    expect(navigate).not.toHaveBeenCalled()
  })

  it('falls back to redirect with popup_blocked when the browser blocks the window', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    vi.spyOn(window, 'open').mockReturnValue(null)
    const navigate = vi.fn()
    const { controller, events } = controllerOver(bff, {
      mode: 'popup',
      navigate,
      params: { returnTo: '/cb' },
    })
    await controller.start()
    expect(events[0]).toEqual({ type: 'popup_blocked', mode: 'popup' })
    expect(bff.calls[0]?.body).toMatchObject({ returnTo: '/cb' })
    expect(navigate).toHaveBeenCalledExactlyOnceWith(BANK_URL)
    expect(controller.getState()).toMatchObject({ status: 'awaiting-user', mode: 'redirect' })
  })

  it('succeeds in popup mode once the callback page reports back, refreshing before onSuccess', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(succeededFlow),
    })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onSuccess = vi.fn()
    const { controller, onSettled } = controllerOver(bff, {
      mode: 'popup',
      onSuccess,
      params: { returnTo: '/cb' },
    })
    const done = controller.start()
    await until(() => controller.getState().status === 'awaiting-user')
    expect(popup.location.href).toBe(BANK_URL)
    expect(bff.calls[0]?.body).toMatchObject({ returnTo: '/cb?mhkit_popup=1' })
    announce(FLOW_ID)
    await expect(done).resolves.toEqual({ status: 'succeeded', flow: succeededFlow })
    expect(onSettled).toHaveBeenCalledExactlyOnceWith(succeededFlow)
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(succeededFlow)
    expect(popup.closed).toBe(true)
  })

  it('is cancelled when the user closes the popup and the BFF says the flow is still pending', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json({ flowId: FLOW_ID, status: 'pending', kind: 'ais' }),
    })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onCancel = vi.fn()
    const { controller } = controllerOver(bff, { mode: 'popup', onCancel, popupPollInterval: 5 })
    const done = controller.start()
    await until(() => controller.getState().status === 'awaiting-user')
    popup.closed = true
    await expect(done).resolves.toEqual({ status: 'cancelled', flowId: FLOW_ID })
    expect(controller.getState().status).toBe('cancelled')
    expect(bff.callsTo(`GET /api/flows/${FLOW_ID}`)).toHaveLength(1)
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it('rejects with the flow error code when the bank refused, firing onError once', async () => {
    const bff = fakeBff({
      'POST /api/connect': () => json(connectAnswer),
      'GET /api/flows/:flowId': () => json(failedFlow),
    })
    vi.spyOn(window, 'open').mockReturnValue(fakePopup() as unknown as Window)
    const onError = vi.fn()
    const { controller } = controllerOver(bff, { mode: 'popup', onError })
    const done = controller.start()
    await until(() => controller.getState().status === 'awaiting-user')
    announce(FLOW_ID)
    await expect(done).rejects.toMatchObject({ code: 'access_denied' })
    expect(controller.getState()).toMatchObject({ status: 'failed' })
    expect(onError).toHaveBeenCalledOnce()
  })

  it('survives StrictMode-style mount, unmount, mount, and closes the popup on the real unmount', async () => {
    const bff = fakeBff({ 'POST /api/connect': () => json(connectAnswer) })
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const { controller } = controllerOver(bff, { mode: 'popup' })
    controller.mount()()
    const unmount = controller.mount()
    const done = controller.start()
    await until(() => controller.getState().status === 'awaiting-user')
    expect(popup.closed).toBe(false)
    unmount()
    expect(popup.closed).toBe(true)
    await expect(done).resolves.toMatchObject({ status: 'cancelled' })
  })

  it('joins a running flow instead of starting a second one', async () => {
    let answer: (r: Response) => void = () => undefined
    const bff = fakeBff({
      'POST /api/connect': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    const { controller } = controllerOver(bff, { navigate: vi.fn() })
    const first = controller.start()
    const second = controller.start()
    expect(second).toBe(first)
    await until(() => bff.calls.length === 1)
    answer(json(connectAnswer))
    await first
    expect(bff.callsTo('POST /api/connect')).toHaveLength(1)
  })

  it('ignores the late answer of a flow that was reset', async () => {
    let answer: (r: Response) => void = () => undefined
    const bff = fakeBff({
      'POST /api/connect': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    const navigate = vi.fn()
    const onCancel = vi.fn()
    const { controller } = controllerOver(bff, { navigate, onCancel })
    const done = controller.start()
    await until(() => bff.calls.length === 1)
    controller.reset()
    answer(json(connectAnswer))
    await expect(done).resolves.toMatchObject({ status: 'cancelled' })
    expect(controller.getState().status).toBe('idle')
    expect(navigate).not.toHaveBeenCalled()
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it('finishes a returned flow once per flow id, not again after a reload of the callback', () => {
    const bff = fakeBff()
    const onSuccess = vi.fn()
    const first = controllerOver(bff, { onSuccess })
    expect(first.controller.finish(FLOW_ID, succeededFlow as FlowResponse)).toBe(true)
    expect(first.controller.getState()).toMatchObject({ status: 'succeeded', flowId: FLOW_ID })
    // StrictMode's second effect, then a reload: a new controller on the same tab.
    expect(first.controller.finish(FLOW_ID, succeededFlow as FlowResponse)).toBe(false)
    const reloaded = controllerOver(bff, { onSuccess })
    expect(reloaded.controller.finish(FLOW_ID, succeededFlow as FlowResponse)).toBe(false)
    expect(onSuccess).toHaveBeenCalledOnce()
    expect(first.onSettled).toHaveBeenCalledOnce()
    expect(reloaded.onSettled).not.toHaveBeenCalled()
  })

  it('finishes with a read error as failed, without refreshing anything', () => {
    const onError = vi.fn()
    const { controller, onSettled } = controllerOver(fakeBff(), { onError })
    const error = new BffError('flow_not_found', 'No such flow.')
    controller.finish(FLOW_ID, error)
    expect(controller.getState()).toEqual({ status: 'failed', flowId: FLOW_ID, error })
    expect(onError).toHaveBeenCalledExactlyOnceWith(error)
    expect(onSettled).toHaveBeenCalledExactlyOnceWith(undefined)
  })
})
