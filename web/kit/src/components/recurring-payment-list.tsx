import { useState, type ReactNode } from 'react'
import type { RecurringPayment } from '../api/contract'
import { describePaymentError } from '../api/describe-payment-error'
import { formatDate } from '../format/format-date'
import { formatMoney } from '../format/format-money'
import { useRecurringPayments } from '../hooks/use-recurring-payments'
import { useRevokeRecurringPayment } from '../hooks/use-revoke-recurring-payment'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { useMessages } from '../messages/use-messages'
import { EmptyState } from './empty-state'
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
  /** Replaces the empty state, shown when there are none (or no session yet). */
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

function perPayment(amount: string, m: MhkitMessages): string {
  return m.upToPerPayment?.(amount) ?? `Up to ${amount} per payment`
}

function RevokeButton({ consent }: { consent: RecurringPayment }) {
  const revoke = useRevokeRecurringPayment()
  const m = useMessages()
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
          aria-label={m.revokeConfirmLabel?.(name) ?? `Confirm revoking payments to ${name}`}
          className="mhkit-recurring-payment__confirm"
        >
          <p>
            {m.revokeConfirm?.(name) ??
              `Stop all future payments to ${name}? This cannot be undone; you would need to set up a new permission to pay this way again.`}
          </p>
          <button
            type="button"
            className="mhkit-button"
            aria-busy={revoke.isPending}
            aria-disabled={revoke.isPending}
            onClick={confirm}
          >
            {m.revokeYes ?? 'Yes, revoke'}
          </button>
          <button
            type="button"
            className="mhkit-button"
            onClick={() => {
              setConfirming(false)
              revoke.reset()
            }}
          >
            {m.revokeNo ?? 'Keep it'}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="mhkit-button"
          aria-label={m.revokeLabel?.(name) ?? `Revoke payments to ${name}`}
          onClick={() => setConfirming(true)}
        >
          {m.revoke ?? 'Revoke'}
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
  const m = useMessages()
  const { data, isFetching } = query
  const classes = cx('mhkit-recurring-payments', className)
  const empty = children ?? (
    <EmptyState title={m.recurringPaymentsEmptyTitle ?? 'No recurring payment permissions yet'}>
      <p>
        {m.recurringPaymentsEmpty ??
          'Permissions you give to pay from your bank account will appear here.'}
      </p>
    </EmptyState>
  )
  const gate = queryGate(
    query,
    classes,
    m.recurringPaymentsLoading ?? 'Loading recurring payments…',
    empty,
  )
  if (gate !== null || data === undefined) return gate
  if (data.data.length === 0) return <div className={classes}>{empty}</div>
  return (
    <ul
      className={classes}
      aria-label={label ?? m.recurringPaymentsLabel ?? 'Your recurring payment permissions'}
      aria-busy={isFetching}
    >
      {data.data.map((consent) => (
        <li key={consent.id} className="mhkit-recurring-payment" data-status={consent.status}>
          <span className="mhkit-payment__payee">{consent.payeeName ?? consent.reference}</span>
          <span className={`mhkit-badge mhkit-badge--${consent.status}`}>
            {m.recurringPaymentStatusLabels?.[consent.status] ?? statusLabels[consent.status]}
          </span>
          <ul className="mhkit-recurring-payment__limits">
            <li>{perPayment(formatMoney(consent.maximumIndividualAmount), m)}</li>
            {consent.periodicLimits.map((limit) => (
              <li key={limit.periodType}>
                {m.upToPer?.(formatMoney(limit.amount), limit.periodType) ??
                  `Up to ${formatMoney(limit.amount)} per ${periods[limit.periodType]}`}
              </li>
            ))}
            {consent.validToDate ? (
              <li>
                {m.until?.(formatDate(consent.validToDate)) ??
                  `Until ${formatDate(consent.validToDate)}`}
              </li>
            ) : null}
          </ul>
          {renderActions?.(consent)}
          {revocable && consent.status === 'authorised' ? <RevokeButton consent={consent} /> : null}
        </li>
      ))}
    </ul>
  )
}
