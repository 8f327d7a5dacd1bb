import { errorCodes } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'
import { BffError } from './bff-error'
import { describeError } from './describe-error'

describe('describeError', () => {
  it('has a human title, message and action for every contract code and kit code', () => {
    for (const code of [...errorCodes, 'network_error', 'invalid_response'] as const) {
      const description = describeError(code)
      expect(description.title.length, code).toBeGreaterThan(0)
      expect(description.message, code).not.toMatch(/_/)
      expect(description.actionLabel.length, code).toBeGreaterThan(0)
    }
  })

  it('asks to reconnect when consent has expired', () => {
    expect(describeError(new BffError('consent_expired', 'x')).action).toBe('reconnect')
  })

  it('offers a retry for a network failure', () => {
    expect(describeError('network_error')).toMatchObject({
      action: 'retry',
      actionLabel: 'Try again',
    })
  })

  it('offers to start again when the bank does not share history that far back', () => {
    expect(describeError('transaction_from_too_early')).toMatchObject({ action: 'start-again' })
  })

  it('says how long to wait when the BFF gave retryAfter', () => {
    const error = new BffError('rate_limited', 'x', { status: 429, retryAfter: 20 })
    expect(describeError(error).message).toContain('20 seconds')
  })
})
