import type { ReactNode } from 'react'
import type { Payment } from '../api/contract'
import { formatDate } from '../format/format-date'
import { formatMoney } from '../format/format-money'
import { usePayments } from '../hooks/use-payments'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import { useMessages } from '../messages/use-messages'
import { EmptyState } from './empty-state'
import { paymentStatusLabel } from './payment-status-text'

/** Props of {@link PaymentList}. */
export interface PaymentListProps {
  className?: string
  /** Accessible name of the list. Default "Your payments". */
  label?: string
  /** Replaces the content of each list item. */
  renderPayment?: (payment: Payment) => ReactNode
  /** Extra actions per payment, e.g. a refund button for completed ones. */
  renderActions?: (payment: Payment) => ReactNode
  /** Replaces the empty state, shown when there are no payments (or no session yet). */
  children?: ReactNode
}

/**
 * The payments this session started — amount, payee, reference, date and a status badge —
 * wrapping {@link usePayments}. Shows a loading status, an empty state (also to a browser
 * without a session, which has made none) and actionable errors;
 * `renderActions` adds per-payment actions (refund).
 */
export function PaymentList({
  className,
  label,
  renderPayment,
  renderActions,
  children,
}: PaymentListProps) {
  const query = usePayments()
  const m = useMessages()
  const { data, isFetching } = query
  const classes = cx('mhkit-payments', className)
  const empty = children ?? (
    <EmptyState title={m.paymentsEmptyTitle ?? 'No payments yet'}>
      <p>{m.paymentsEmpty ?? 'Payments you make here will appear in this list.'}</p>
    </EmptyState>
  )
  const gate = queryGate(query, classes, m.paymentsLoading ?? 'Loading payments…', empty)
  if (gate !== null || data === undefined) return gate
  if (data.data.length === 0) return <div className={classes}>{empty}</div>
  return (
    <ul
      className={classes}
      aria-label={label ?? m.paymentsLabel ?? 'Your payments'}
      aria-busy={isFetching}
    >
      {data.data.map((payment) => (
        <li key={payment.id} className="mhkit-payment" data-status={payment.status}>
          {renderPayment ? (
            renderPayment(payment)
          ) : (
            <>
              <span className="mhkit-payment__payee">{payment.payeeName ?? payment.payeeRef}</span>
              <span className="mhkit-payment__meta">
                {payment.payeeRef} · {formatDate(payment.initiatedAt)}
              </span>
              <span className={`mhkit-badge mhkit-badge--${payment.status}`}>
                {paymentStatusLabel(payment.status, m)}
              </span>
              <span className="mhkit-payment__amount mhkit-money">
                {formatMoney(payment.amount)}
              </span>
            </>
          )}
          {renderActions?.(payment)}
        </li>
      ))}
    </ul>
  )
}
