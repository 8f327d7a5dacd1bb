import {
  describePaymentError,
  ErrorNotice,
  formatMoney,
  usePayWithRecurringPayment,
  type BffError,
  type ErrorDescription,
  type PaymentStatusValue,
  type RecurringPayment,
} from '@mhkit/react'
import { useRef, useState, type FormEvent } from 'react'
import { useEventLog } from '../event-log'
import { FormField } from './form-field'
import type { FieldErrors } from './form-checks'
import { parsePounds } from './parse-pounds'
import { useFormChecks } from './use-form-checks'

/** One payment made with a permission, as the pay answer described it. */
export interface RecurringPaymentMade {
  readonly paymentId: string
  readonly status: PaymentStatusValue
  readonly amount: number
  readonly payee: string
}

/** Badge text of a payment status. */
export const paymentStatusText: { readonly [S in PaymentStatusValue]: string } = {
  in_progress: 'In progress',
  pending: 'Pending at the bank',
  completed: 'Completed',
  rejected: 'Rejected by the bank',
  cancelled: 'Cancelled',
  abandoned: 'Not finished',
  failed: 'Failed',
}

const consentState: Readonly<Partial<Record<RecurringPayment['status'], string>>> = {
  revoked: 'revoked',
  expired: 'expired',
  rejected: 'rejected by the bank',
  failed: 'not set up',
  in_progress: 'still waiting for the bank',
}

const AMOUNT_WORDS = 'Enter an amount in pounds from £0.01 to £1,000,000, like 25 or 12.50.'

function words(path: string): string | undefined {
  if (path === 'amount') return AMOUNT_WORDS
  if (path === 'payeeRef' || path === 'payerRef')
    return 'Enter a reference of 1–18 letters, digits, spaces or - . / &.'
  return undefined
}

const NEEDS_NEW_PERMISSION: ReadonlySet<string> = new Set([
  'recurring_payment_not_active',
  'recurring_payment_not_found',
])

// Answers that leave it open whether the money moved.
const NO_ANSWER: ReadonlySet<string> = new Set([
  'network_error',
  'upstream_timeout',
  'upstream_error',
])

/**
 * The kit's payment wording, except when no answer came back: then the person must hear that
 * the payment may already be made and that trying again is safe (the same attempt keeps its
 * idempotency key, so it is never paid twice).
 */
function describePayAttempt(error: BffError): ErrorDescription {
  if (!NO_ANSWER.has(error.code)) return describePaymentError(error)
  return {
    title: 'No answer about this payment yet',
    message:
      'The connection dropped before we heard whether the payment went through. Try again: if it was already made you will see it, and it will not be paid twice.',
    action: 'retry',
    actionLabel: 'Try again',
  }
}

const nameOf = (consent: RecurringPayment) => consent.payeeName ?? consent.reference

/**
 * Pays with one of the person's VRP permissions, without a trip to the bank: pick the
 * permission, an amount and a reference. Each attempt carries an idempotency key; pressing Pay
 * again after an answer was lost gets the first answer instead of paying twice.
 */
export function RecurringPaymentPayForm({
  consents,
  selectedId,
  onSelect,
  onPaid,
  onNewPermission,
}: {
  readonly consents: readonly RecurringPayment[]
  readonly selectedId: string
  readonly onSelect: (id: string) => void
  readonly onPaid: (payment: RecurringPaymentMade) => void
  /** Takes the person to setting up a new permission. */
  readonly onNewPermission: () => void
}) {
  const { record } = useEventLog()
  const pay = usePayWithRecurringPayment()
  const checkForm = useFormChecks()
  const amountRef = useRef<HTMLInputElement>(null)
  const [amount, setAmount] = useState('')
  const [reference, setReference] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const consent = consents.find((c) => c.id === selectedId) ?? consents[0]
  if (consent === undefined) return null
  const inactive = consentState[consent.status]

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const pence = parsePounds(amount)
    const ref = reference.trim() === '' ? consent.reference : reference.trim()
    const body = { amount: pence ?? 1, payeeRef: ref, payerRef: ref }
    const found = {
      ...(await checkForm('recurringPaymentPay', body, words)),
      ...(pence === undefined ? { amount: AMOUNT_WORDS } : {}),
    }
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const payee = nameOf(consent)
    record('vrp-pay:start', `${formatMoney({ value: body.amount, currency: 'GBP' })}`)
    pay.mutate(
      { recurringPaymentId: consent.id, ...body },
      {
        onSuccess: ({ data }) => {
          record('vrp-pay:success', data.status)
          onPaid({ paymentId: data.paymentId, status: data.status, amount: body.amount, payee })
        },
        onError: (error) => record('vrp-pay:error', error.code),
      },
    )
  }

  const paid = pay.isSuccess ? pay.data.data : undefined
  const error = pay.error
  return (
    <form
      className="demo-form"
      noValidate
      aria-labelledby="vrp-pay-heading"
      onSubmit={(event) => void onSubmit(event)}
    >
      <h2 id="vrp-pay-heading">Pay with a permission</h2>
      <div className="demo-field">
        <label htmlFor="vrp-pay-consent">Permission</label>
        <select
          id="vrp-pay-consent"
          value={consent.id}
          onChange={(event) => {
            pay.reset()
            onSelect(event.target.value)
          }}
        >
          {consents.map((c) => (
            <option key={c.id} value={c.id}>
              {nameOf(c)} · {c.reference}
              {consentState[c.status] === undefined ? '' : ` (${consentState[c.status]})`}
            </option>
          ))}
        </select>
      </div>
      {inactive === undefined ? null : (
        <p className="demo-muted">
          This permission is {inactive}: the bank will refuse a payment with it.
        </p>
      )}
      <div className="demo-form-row">
        <FormField
          ref={amountRef}
          id="vrp-pay-amount"
          label="Amount (£)"
          inputMode="decimal"
          hint={`Up to ${formatMoney(consent.maximumIndividualAmount)} per payment.`}
          value={amount}
          error={errors['amount']}
          onChange={(event) => setAmount(event.target.value)}
        />
        <FormField
          id="vrp-pay-reference"
          label="Reference (optional)"
          maxLength={18}
          placeholder={consent.reference}
          value={reference}
          error={errors['payeeRef'] ?? errors['payerRef']}
          onChange={(event) => setReference(event.target.value)}
        />
      </div>
      <div className="demo-actions">
        <button type="submit" className="demo-button" disabled={pay.isPending}>
          Pay
        </button>
        {pay.isPending ? (
          <span className="demo-muted" role="status">
            Paying…
          </span>
        ) : null}
      </div>
      {paid === undefined ? null : (
        <p className="demo-alert" data-tone="ok" role="status">
          Payment sent: {formatMoney({ value: pay.variables?.amount ?? 0, currency: 'GBP' })} to{' '}
          {nameOf(consent)}. Status: {paymentStatusText[paid.status]}. Payment reference{' '}
          <code>{paid.paymentId}</code>.
        </p>
      )}
      {error === null ? null : (
        <ErrorNotice
          error={error}
          describe={describePayAttempt}
          onAction={() => {
            // A lost answer is retried as the same attempt (same key). A permission that can no
            // longer pay sends the person to set up a new one; anything else starts over here.
            if (describePayAttempt(error).action === 'retry') pay.retry()
            else if (NEEDS_NEW_PERMISSION.has(error.code)) {
              pay.reset()
              onNewPermission()
            } else {
              pay.reset()
              amountRef.current?.focus()
            }
          }}
        />
      )}
    </form>
  )
}
