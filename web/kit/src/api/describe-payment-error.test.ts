import { errorCodes } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'
import { BffError } from './bff-error'
import { describePaymentError } from './describe-payment-error'

describe('describePaymentError', () => {
  it('says no money moved when a payment was refused at the bank', () => {
    const description = describePaymentError(new BffError('access_denied', 'x'))
    expect(description).toMatchObject({ title: 'Payment not authorised', action: 'start-again' })
    expect(description.message).toContain('no money has moved')
  })

  it('asks to check the details when the BFF refuses the payment request', () => {
    expect(describePaymentError('invalid_request')).toMatchObject({
      title: 'Check the payment details',
      action: 'start-again',
      actionLabel: 'Start again',
    })
  })

  it('keeps the general advice where a payment needs no other words', () => {
    expect(describePaymentError('network_error')).toMatchObject({
      title: 'Connection lost',
      action: 'retry',
    })
    expect(describePaymentError('payment_failed').message).toContain('No money has moved')
  })

  it('has a message without codes for every contract and kit code', () => {
    for (const code of [...errorCodes, 'network_error', 'invalid_response'] as const) {
      expect(describePaymentError(code).message, code).not.toMatch(/_/)
    }
  })
})

describe('the payment refusals the BFF sends', () => {
  it.each([
    ['recurring_payment_limit_exceeded', 'no money has moved'],
    ['recurring_payment_not_active', 'no money has moved'],
    ['payment_not_reversible', 'no money has moved'],
    ['idempotency_key_reused', 'nothing was paid again'],
    ['idempotency_key_in_progress', 'will not be paid twice'],
    ['payment_not_completed', 'completed payment'],
  ] as const)('%s says what happened to the money', (code, words) => {
    const description = describePaymentError(code)
    expect(description.message).toContain(words)
    expect(description.message).not.toContain(code)
  })
})
