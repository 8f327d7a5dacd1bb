import {
  describePaymentError,
  formatMoney,
  useRefund,
  type Payment,
  parsePounds,
} from '@mhkit/react'
import { usePaymentChecks } from '@mhkit/react/checks'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useEventLog } from '../event-log'
import { CALLBACK_PATH } from '../router'
import { TitledErrorNotice } from './titled-error-notice'
import { formErrorAction } from './form-error-action'

/**
 * Whether the demo offers a refund: the payment is completed, Moneyhub says it can be
 * reversed, and it is not itself a refund. (The BFF refuses anything else anyway.)
 */
export function isRefundable(payment: Payment): boolean {
  return payment.status === 'completed' && payment.reversible === true && !payment.refundOf
}

function pounds(pence: number): string {
  return (pence / 100).toFixed(2)
}

/**
 * A Refund action for one payment: opens a small form for the whole amount or part of it,
 * checked with the shared rules and against the payment's amount, then starts the refund flow
 * (the payee authorises it at their bank and comes back to the shared callback page).
 */
export function RefundForm({ payment }: { readonly payment: Payment }) {
  const id = useId()
  const { record } = useEventLog()
  const checks = usePaymentChecks()
  const [open, setOpen] = useState(false)
  const [amount, setAmount] = useState(pounds(payment.amount.value))
  const [error, setError] = useState<string | undefined>(undefined)
  const refund = useRefund({
    paymentId: payment.id,
    returnTo: CALLBACK_PATH,
    onEvent: (event) => record(`refund:${event.type}`, event.mode),
    onError: (failure) => record('refund:error', failure.code),
  })
  const label = payment.payeeName ?? payment.payeeRef
  const formRef = useRef<HTMLFormElement>(null)

  if (!open) {
    return (
      <button
        type="button"
        className="demo-button"
        data-variant="secondary"
        aria-label={`Refund ${formatMoney(payment.amount)} to ${label}`}
        onClick={() => setOpen(true)}
      >
        Refund
      </button>
    )
  }

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (checks === undefined) return
    const pence = parsePounds(amount) ?? Number.NaN
    const refused =
      checks.refund({ amount: pence }).length > 0 || pence > payment.amount.value
        ? `Enter an amount from £0.01 to ${formatMoney(payment.amount)}.`
        : undefined
    setError(refused)
    if (refused !== undefined) return
    // The whole amount is sent as no amount: the BFF then refunds exactly what was paid.
    const params = pence === payment.amount.value ? {} : { amount: pence }
    void refund.start(params).catch(() => undefined)
  }

  return (
    <form
      ref={formRef}
      className="demo-refund"
      noValidate
      onSubmit={submit}
      aria-label={`Refund to ${label}`}
    >
      <div className="demo-field" data-invalid={error === undefined ? undefined : 'true'}>
        <label htmlFor={`${id}-amount`}>Refund amount (£)</label>
        <input
          id={`${id}-amount`}
          className="demo-input"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(event) => setAmount(event.target.value)}
        />
        {error === undefined ? null : (
          <span className="demo-field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
      <div className="demo-actions">
        <button
          type="submit"
          className="demo-button"
          disabled={refund.isBusy || checks === undefined}
        >
          Start refund
        </button>
        <button
          type="button"
          className="demo-button"
          data-variant="secondary"
          onClick={() => {
            refund.reset()
            setOpen(false)
          }}
        >
          Cancel
        </button>
        {refund.isBusy ? (
          <span className="demo-muted" role="status">
            Taking you to the bank to approve the refund…
          </span>
        ) : null}
      </div>
      {refund.error === undefined ? null : (
        <TitledErrorNotice
          title="The refund was not started"
          error={refund.error}
          describe={describePaymentError}
          onAction={formErrorAction(formRef)}
        />
      )}
    </form>
  )
}
