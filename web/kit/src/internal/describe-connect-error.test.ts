import { describe, expect, it } from 'vitest'
import { BffError } from '../api/bff-error'
import { describeConnectError } from './describe-connect-error'

const error = new BffError('upstream_error', 'Moneyhub refused the request.', { status: 502 })

describe('describeConnectError', () => {
  it('titles a flow that failed before it started "Could not start connecting"', () => {
    const described = describeConnectError({ status: 'failed', flowId: undefined, error })(
      error,
      {},
    )
    expect(described.title).toBe('Could not start connecting')
    expect(described.message).toBe(
      'Moneyhub did not answer as expected. Please try again in a moment.',
    )
    expect(described.actionLabel).toBe('Try again')
  })

  it("keeps the error group's title once the flow had started", () => {
    const described = describeConnectError({ status: 'failed', flowId: 'flow-1', error })(error, {})
    expect(described.title).toBe('Moneyhub unavailable')
  })

  it("takes the app's wording for the title", () => {
    const state = { status: 'failed', flowId: undefined, error } as const
    const described = describeConnectError(state)(error, { connectStartFailed: 'Pas commencé' })
    expect(described.title).toBe('Pas commencé')
  })
})
