import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { BffError, BffErrorCode } from '../api/bff-error'
import type { PaymentStatus, RecurringPayment } from '../api/contract'
import { actionLabel } from '../api/describe-error'
import type { ErrorDescription } from '../api/describe-error'
import { describePaymentError } from '../api/describe-payment-error'
import { formatMoney } from '../format/format-money'
import { parsePounds } from '../format/parse-pounds'
import { usePayWithRecurringPayment } from '../hooks/use-pay-with-recurring-payment'
import { cx } from '../internal/class-names'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { ErrorNotice } from './error-notice'
import { paymentStatusLabels } from './payment-status-text'

/** A payment made with {@link RecurringPaymentPayForm}, as the BFF answered it. */
export interface RecurringPaymentPaid {
  paymentId: string
  status: PaymentStatus
  /** Whole pence. */
  amount: number
}

/** Props of {@link RecurringPaymentPayForm}. */
export interface RecurringPaymentPayFormProps {
  /** The VRP consent to pay with. */
  consent: RecurringPayment
  className?: string
  /** Accessible name of the form. Default "Pay with this permission". */
  label?: string
  /** Label of the submit button. Default "Pay". */
  children?: ReactNode
  /** Each payment made (a retried attempt answers with the same `paymentId`). */
  onPaid?: (payment: RecurringPaymentPaid) => void
  /** Each refusal or failure, after it is shown. */
  onError?: (error: BffError) => void
  /**
   * Pressed on a refusal that needs a new consent (revoked, expired, unknown): take the person
   * to setting one up. Without it, the action starts the payment over here.
   */
  onNeedsNewConsent?: () => void
}

// Answers that leave it open whether the money moved.
const NO_ANSWER: ReadonlySet<BffErrorCode> = new Set<BffErrorCode>([
  'network_error',
  'upstream_timeout',
  'upstream_error',
])
const NEEDS_NEW_CONSENT: ReadonlySet<BffErrorCode> = new Set<BffErrorCode>([
  'recurring_payment_not_active',
  'recurring_payment_not_found',
])

/**
 * {@link describePaymentError}, except when no answer came back: then the person must hear
 * that the payment may already be made and that trying again is safe.
 */
function describeAttempt(error: BffError, m: MhkitMessages): ErrorDescription {
  if (!NO_ANSWER.has(error.code)) return describePaymentError(error, m)
  return {
    title: m.paymentNoAnswerTitle ?? 'No answer about this payment yet',
    message:
      m.paymentNoAnswerMessage ??
      'The connection dropped before we heard whether the payment went through. Try again: if it was already made you will see it, and it will not be paid twice.',
    action: 'retry',
    actionLabel: actionLabel('retry', m),
  }
}

const AMOUNT_HINT = 'Enter an amount in pounds, like 25 or 12.50.'

/**
 * Pays with an authorised VRP consent without a trip to the bank, wrapping
 * {@link usePayWithRecurringPayment}: an amount (in pounds, at most the consent's maximum per
 * payment) and an optional reference (the consent's by default). The result and its status are
 * announced; a refusal says whether money moved and what to do. Pressing Pay again after an
 * answer was lost repeats the same attempt (same `Idempotency-Key`), so it never pays twice.
 *
 * @example
 * ```tsx
 * <RecurringPaymentList
 *   renderActions={(consent) =>
 *     consent.status === 'authorised' && <RecurringPaymentPayForm consent={consent} />
 *   }
 * />
 * ```
 */
export function RecurringPaymentPayForm({
  consent,
  className,
  label,
  children,
  onPaid,
  onError,
  onNeedsNewConsent,
}: RecurringPaymentPayFormProps) {
  const id = useId()
  const pay = usePayWithRecurringPayment()
  const amountRef = useRef<HTMLInputElement>(null)
  const [amount, setAmount] = useState('')
  const [reference, setReference] = useState('')
  const [amountError, setAmountError] = useState<string | undefined>(undefined)
  const maximum = consent.maximumIndividualAmount

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const pence = parsePounds(amount)
    const problem =
      pence === undefined || pence < 1
        ? AMOUNT_HINT
        : pence > maximum.value
          ? `This permission allows at most ${formatMoney(maximum)} per payment.`
          : undefined
    setAmountError(problem)
    if (problem !== undefined || pence === undefined) {
      amountRef.current?.focus()
      return
    }
    const ref = reference.trim() === '' ? consent.reference : reference.trim()
    pay.mutate(
      { recurringPaymentId: consent.id, amount: pence, payeeRef: ref, payerRef: ref },
      {
        onSuccess: ({ data }) =>
          onPaid?.({ paymentId: data.paymentId, status: data.status, amount: pence }),
        onError: (error) => onError?.(error),
      },
    )
  }

  const error = pay.error
  const paid = pay.isSuccess ? pay.data.data : undefined
  const errorId = `${id}-amount-error`
  return (
    <form
      className={cx('mhkit-pay-form', className)}
      aria-label={label ?? 'Pay with this permission'}
      aria-busy={pay.isPending}
      noValidate
      onSubmit={onSubmit}
    >
      <label className="mhkit-field" htmlFor={`${id}-amount`}>
        Amount (£)
      </label>
      <input
        ref={amountRef}
        id={`${id}-amount`}
        className="mhkit-input"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        aria-invalid={amountError === undefined ? undefined : true}
        aria-describedby={amountError === undefined ? `${id}-amount-hint` : errorId}
        onChange={(event) => setAmount(event.target.value)}
      />
      {amountError === undefined ? (
        <p id={`${id}-amount-hint`} className="mhkit-pay-form__hint">
          Up to {formatMoney(maximum)} per payment.
        </p>
      ) : (
        <p id={errorId} className="mhkit-pay-form__error">
          {amountError}
        </p>
      )}
      <label className="mhkit-field" htmlFor={`${id}-reference`}>
        Reference (optional)
      </label>
      <input
        id={`${id}-reference`}
        className="mhkit-input"
        maxLength={18}
        autoComplete="off"
        placeholder={consent.reference}
        value={reference}
        onChange={(event) => setReference(event.target.value)}
      />
      <button
        type="submit"
        className="mhkit-button mhkit-button--primary"
        aria-disabled={pay.isPending}
      >
        {children ?? 'Pay'}
      </button>
      <p role="status" className="mhkit-pay-form__status">
        {pay.isPending ? 'Paying…' : null}
        {paid === undefined
          ? null
          : `Payment sent: ${formatMoney({ value: pay.variables?.amount ?? 0, currency: maximum.currency })}. Status: ${paymentStatusLabels[paid.status]}. Payment reference ${paid.paymentId}.`}
      </p>
      {error === null ? null : (
        <ErrorNotice
          error={error}
          describe={describeAttempt}
          onAction={() => {
            // A lost answer is repeated as the same attempt (same key); a consent that can no
            // longer pay needs a new one; anything else starts over here.
            if (describeAttempt(error, {}).action === 'retry') pay.retry()
            else {
              pay.reset()
              if (NEEDS_NEW_CONSENT.has(error.code) && onNeedsNewConsent) onNeedsNewConsent()
              else amountRef.current?.focus()
            }
          }}
        />
      )}
    </form>
  )
}
