import { describe, expect, it } from 'vitest'
import { BffError } from '../api/bff-error'
import type { FlowResponse } from '../api/contract'
import { connectReducer, initialConnectState, isConnectActive } from './connect-machine'
import type { ConnectAction, ConnectState } from './connect-machine'

const flow = { flowId: 'f', status: 'succeeded', kind: 'ais', result: {} } as FlowResponse

function run(...actions: ConnectAction[]): ConnectState {
  return actions.reduce(connectReducer, initialConnectState)
}

describe('connectReducer', () => {
  it('walks idle → preparing → awaiting-user → completing → succeeded', () => {
    const states = [
      { type: 'start', mode: 'popup' },
      { type: 'prepared', mode: 'popup', flowId: 'f', url: 'https://x' },
      { type: 'returned', flowId: 'f' },
      { type: 'succeeded', flow },
    ] satisfies ConnectAction[]
    const statuses = states.map((_, i) => run(...states.slice(0, i + 1)).status)
    expect(statuses).toEqual(['preparing', 'awaiting-user', 'completing', 'succeeded'])
  })

  it('fails from preparing with the typed error and no flow id', () => {
    const error = new BffError('network_error', 'down')
    const state = run({ type: 'start', mode: 'redirect' }, { type: 'failed', error })
    expect(state).toEqual({ status: 'failed', flowId: undefined, error })
  })

  it('cancels from awaiting-user keeping the flow id', () => {
    const state = run(
      { type: 'start', mode: 'popup' },
      { type: 'prepared', mode: 'popup', flowId: 'f', url: 'https://x' },
      { type: 'cancelled' },
    )
    expect(state).toEqual({ status: 'cancelled', flowId: 'f' })
  })

  it('ignores a return message for another flow', () => {
    const waiting = run(
      { type: 'start', mode: 'popup' },
      { type: 'prepared', mode: 'popup', flowId: 'f', url: 'https://x' },
    )
    expect(connectReducer(waiting, { type: 'returned', flowId: 'other' })).toBe(waiting)
  })

  it('ignores late events after the flow has ended', () => {
    const done = run(
      { type: 'start', mode: 'popup' },
      { type: 'prepared', mode: 'popup', flowId: 'f', url: 'https://x' },
      { type: 'returned', flowId: 'f' },
      { type: 'succeeded', flow },
    )
    expect(connectReducer(done, { type: 'cancelled' })).toBe(done)
    expect(
      connectReducer(done, { type: 'failed', error: new BffError('network_error', 'x') }),
    ).toBe(done)
    expect(connectReducer(done, { type: 'returned', flowId: 'f' })).toBe(done)
  })

  it('does not succeed without having completed', () => {
    const preparing = run({ type: 'start', mode: 'redirect' })
    expect(connectReducer(preparing, { type: 'succeeded', flow })).toBe(preparing)
  })

  it('starts again from a final state and resets from anywhere', () => {
    const cancelled = run({ type: 'start', mode: 'redirect' }, { type: 'cancelled' })
    expect(connectReducer(cancelled, { type: 'start', mode: 'redirect' }).status).toBe('preparing')
    expect(connectReducer(run({ type: 'start', mode: 'redirect' }), { type: 'reset' })).toBe(
      initialConnectState,
    )
  })

  it('treats only preparing, awaiting-user and completing as active', () => {
    expect(isConnectActive(run({ type: 'start', mode: 'redirect' }))).toBe(true)
    expect(isConnectActive(initialConnectState)).toBe(false)
    expect(isConnectActive(run({ type: 'start', mode: 'redirect' }, { type: 'cancelled' }))).toBe(
      false,
    )
  })
})
