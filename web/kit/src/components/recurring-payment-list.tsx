import { useState, type ReactNode } from 'react'
import type { RecurringPayment } from '../api/contract'
import { describePaymentError } from '../api/describe-payment-error'
import { formatDate } from '../format/format-date'
import { formatMoney } from '../format/format-money'
import { useRecurringPayments } from '../hooks/use-recurring-payments'
import { useRevokeRecurringPayment } from '../hooks/use-revoke-recurring-payment'
import { cx } from '../internal/class-names'
import { isNoSession } from '../internal/is-no-session'
import { queryGate } from '../internal/query-gate'
import { ErrorNotice } from './error-notice'

/** Props of {@link RecurringPaymentList}. */
export interface RecurringPaymentListProps {
  className?: string
  /** Accessible name of the list. Default "Your recurring payment permissions". */
  label?: string
  /** Extra actions per consent, e.g. a "Pay now" button for authorised ones. */
  renderActions?: (consent: RecurringPayment) => ReactNode
  /** Offer "Revoke" on authorised consents. Default true. */
  revocable?: boolean
  /** Shown when there are none. */
  children?: ReactNode
}

const statusLabels: { readonly [S in RecurringPayment['status']]: string } = {
  in_progress: 'In progress',
  authorised: 'Active',
  rejected: 'Rejected',
  revoked: 'Revoked',
  expired: 'Expired',
  failed: 'Failed',
}

const periods: {
  readonly [P in RecurringPayment['periodicLimits'][number]['periodType']]: string
} = {
  day: 'day',
  week: 'week',
  fortnight: 'fortnight',
  month: 'month',
  half_year: 'half-year',
  year: 'year',
}

function RevokeButton({ consent }: { consent: RecurringPayment }) {
  const revoke = useRevokeRecurringPayment()
  // Revoking cannot be undone, so it takes a second, explicit press.
  const [confirming, setConfirming] = useState(false)
  const name = consent.payeeName ?? consent.reference
  const confirm = () => {
    if (!revoke.isPending) revoke.mutate(consent.id, { onSuccess: () => setConfirming(false) })
  }
  return (
    <>
      {confirming ? (
        <div
          role="group"
          aria-label={`Confirm revoking payments to ${name}`}
          className="mhkit-recurring-payment__confirm"
        >
          <p>
            Stop all future payments to {name}? This cannot be undone; you would need to set up a
            new permission to pay this way again.
          </p>
          <button
            type="button"
            className="mhkit-button"
            aria-busy={revoke.isPending}
            aria-disabled={revoke.isPending}
            onClick={confirm}
          >
            Yes, revoke
          </button>
          <button
            type="button"
            className="mhkit-button"
            onClick={() => {
              setConfirming(false)
              revoke.reset()
            }}
          >
            Keep it
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="mhkit-button"
          aria-label={`Revoke payments to ${name}`}
          onClick={() => setConfirming(true)}
        >
          Revoke
        </button>
      )}
      {revoke.error ? (
        <ErrorNotice error={revoke.error} onAction={confirm} describe={describePaymentError} />
      ) : null}
    </>
  )
}

/**
 * The variable recurring payment (VRP) consents of this session, wrapping
 * {@link useRecurringPayments}: payee, reference, status, the maximum per payment, each periodic
 * limit and the end date, with a "Revoke" button on active ones
 * ({@link useRevokeRecurringPayment}) that asks for confirmation first and `renderActions` for your own (pay now).
 */
export function RecurringPaymentList({
  className,
  label,
  renderActions,
  revocable = true,
  children,
}: RecurringPaymentListProps) {
  const query = useRecurringPayments()
  const { data, isFetching } = query
  const classes = cx('mhkit-recurring-payments', className)
  const gate = queryGate(query, classes, 'Loading recurring payments…')
  const none = data === undefined && isNoSession(query.error)
  if (!none && (gate !== null || data === undefined)) return gate
  if (data === undefined || data.data.length === 0) {
    return (
      <div className={classes}>
        {children ?? <p className="mhkit-empty">No recurring payment permissions yet.</p>}
      </div>
    )
  }
  return (
    <ul
      className={classes}
      aria-label={label ?? 'Your recurring payment permissions'}
      aria-busy={isFetching}
    >
      {data.data.map((consent) => (
        <li key={consent.id} className="mhkit-recurring-payment" data-status={consent.status}>
          <span className="mhkit-payment__payee">{consent.payeeName ?? consent.reference}</span>
          <span className={`mhkit-badge mhkit-badge--${consent.status}`}>
            {statusLabels[consent.status]}
          </span>
          <ul className="mhkit-recurring-payment__limits">
            <li>Up to {formatMoney(consent.maximumIndividualAmount)} per payment</li>
            {consent.periodicLimits.map((limit) => (
              <li key={limit.periodType}>
                Up to {formatMoney(limit.amount)} per {periods[limit.periodType]}
              </li>
            ))}
            {consent.validToDate ? <li>Until {formatDate(consent.validToDate)}</li> : null}
          </ul>
          {renderActions?.(consent)}
          {revocable && consent.status === 'authorised' ? <RevokeButton consent={consent} /> : null}
        </li>
      ))}
    </ul>
  )
}
