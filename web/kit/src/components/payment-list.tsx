import type { ReactNode } from 'react'
import type { Payment } from '../api/contract'
import { formatDate } from '../format/format-date'
import { formatMoney } from '../format/format-money'
import { usePayments } from '../hooks/use-payments'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import { paymentStatusLabels } from './payment-status-text'

/** Props of {@link PaymentList}. */
export interface PaymentListProps {
  className?: string
  /** Accessible name of the list. Default "Your payments". */
  label?: string
  /** Replaces the content of each list item. */
  renderPayment?: (payment: Payment) => ReactNode
  /** Extra actions per payment, e.g. a refund button for completed ones. */
  renderActions?: (payment: Payment) => ReactNode
  /** Shown when there are no payments. */
  children?: ReactNode
}

/**
 * The payments this session started — amount, payee, reference, date and a status badge —
 * wrapping {@link usePayments}. Shows a loading status, an empty state and actionable errors;
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
  const { data, isFetching } = query
  const classes = cx('mhkit-payments', className)
  const gate = queryGate(query, classes, 'Loading payments…')
  if (gate !== null || data === undefined) return gate
  if (data.data.length === 0) {
    return (
      <div className={classes}>{children ?? <p className="mhkit-empty">No payments yet.</p>}</div>
    )
  }
  return (
    <ul className={classes} aria-label={label ?? 'Your payments'} aria-busy={isFetching}>
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
                {paymentStatusLabels[payment.status]}
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
