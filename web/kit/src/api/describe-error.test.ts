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

  it('says what happened and what to do for every code, in sentences a person can act on', () => {
    for (const code of [...errorCodes, 'network_error', 'invalid_response'] as const) {
      const { message, action } = describeError(code)
      // A full sentence that names a next step.
      expect(message, code).toMatch(/\.$/)
      expect(message, code).toMatch(
        /try again|start again|reconnect|sign in|connect your bank|choose|check|contact|not available/i,
      )
      expect(['retry', 'reconnect', 'sign-in', 'start-again', 'wait', 'contact-support']).toContain(
        action,
      )
    }
  })

  it('asks a signed-out person to sign in, not to reconnect', () => {
    expect(describeError('unauthenticated')).toMatchObject({
      action: 'sign-in',
      actionLabel: 'Sign in',
    })
    expect(describeError('session_expired').action).toBe('sign-in')
  })

  it('tells a person whose input was refused to check it, not that the server failed', () => {
    const { title, message } = describeError('invalid_request')
    expect(title).toBe('Check your details')
    expect(message).not.toMatch(/on our side/)
  })

  it('does not claim data could not be read when Moneyhub fails (a connection may be starting)', () => {
    for (const code of [
      'upstream_error',
      'upstream_timeout',
      'invalid_upstream_response',
    ] as const) {
      expect(describeError(code).message, code).not.toMatch(/your data/)
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
