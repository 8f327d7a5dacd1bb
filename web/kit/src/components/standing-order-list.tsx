import type { ReactNode } from 'react'
import type { StandingOrder } from '../api/contract'
import { describeFrequency } from '../format/describe-frequency'
import { formatDate } from '../format/format-date'
import { formatMoney } from '../format/format-money'
import { useStandingOrders } from '../hooks/use-standing-orders'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { useMessages } from '../messages/use-messages'
import { EmptyState } from './empty-state'

/** Props of {@link StandingOrderList}. */
export interface StandingOrderListProps {
  className?: string
  /** Accessible name of the list. Default "Your standing orders". */
  label?: string
  /** Extra actions per standing order. */
  renderActions?: (order: StandingOrder) => ReactNode
  /** Replaces the empty state, shown when there are none (or no session yet). */
  children?: ReactNode
}

const statusLabels: { readonly [S in StandingOrder['status']]: string } = {
  in_progress: 'Waiting for the bank',
  initiation_pending: 'Being set up',
  initiation_failed: 'Not set up',
  initiation_completed: 'Set up',
  cancelled: 'Cancelled',
}

// Badge colours reuse the payment ones: set up reads as completed, failed and cancelled as
// failed, and the two waiting states as pending.
const badges: { readonly [S in StandingOrder['status']]: string } = {
  in_progress: 'pending',
  initiation_pending: 'pending',
  initiation_failed: 'failed',
  initiation_completed: 'completed',
  cancelled: 'failed',
}

function describeEnd(order: StandingOrder, m: MhkitMessages): string | null {
  const count = order.numberOfPayments
  if (count !== undefined) {
    return m.paymentsCount?.(count) ?? (count === 1 ? '1 payment' : `${count} payments`)
  }
  if (order.finalPaymentDate !== undefined) {
    const date = formatDate(order.finalPaymentDate)
    return m.lastPayment?.(date) ?? `Last payment ${date}`
  }
  return null
}

/**
 * The standing orders this session set up, wrapping {@link useStandingOrders}: reference,
 * status, first amount and date, how often it pays (and the recurring amount when it differs)
 * and when it ends. Shows a loading status, an empty state and actionable errors.
 */
export function StandingOrderList({
  className,
  label,
  renderActions,
  children,
}: StandingOrderListProps) {
  const query = useStandingOrders()
  const m = useMessages()
  const { data, isFetching } = query
  const classes = cx('mhkit-standing-orders', className)
  const empty = children ?? (
    <EmptyState title={m.standingOrdersEmptyTitle ?? 'No standing orders yet'}>
      <p>{m.standingOrdersEmpty ?? 'Standing orders you set up here will appear in this list.'}</p>
    </EmptyState>
  )
  const gate = queryGate(
    query,
    classes,
    m.standingOrdersLoading ?? 'Loading standing orders…',
    empty,
  )
  if (gate !== null || data === undefined) return gate
  if (data.data.length === 0) return <div className={classes}>{empty}</div>
  return (
    <ul
      className={classes}
      aria-label={label ?? m.standingOrdersLabel ?? 'Your standing orders'}
      aria-busy={isFetching}
    >
      {data.data.map((order) => {
        const end = describeEnd(order, m)
        return (
          <li key={order.id} className="mhkit-standing-order" data-status={order.status}>
            <span className="mhkit-payment__payee">{order.reference}</span>
            <span className={`mhkit-badge mhkit-badge--${badges[order.status]}`}>
              {m.standingOrderStatusLabels?.[order.status] ?? statusLabels[order.status]}
            </span>
            <span className="mhkit-payment__amount mhkit-money">
              {formatMoney(order.firstPaymentAmount)}
            </span>
            <ul className="mhkit-standing-order__schedule">
              <li>{describeFrequency(order.frequency, m)}</li>
              <li>
                {m.firstPayment?.(formatDate(order.firstPaymentDate)) ??
                  `First payment ${formatDate(order.firstPaymentDate)}`}
              </li>
              {order.recurringPaymentAmount !== undefined &&
              order.recurringPaymentAmount.value !== order.firstPaymentAmount.value ? (
                <li>
                  {m.thenEachTime?.(formatMoney(order.recurringPaymentAmount)) ??
                    `Then ${formatMoney(order.recurringPaymentAmount)} each time`}
                </li>
              ) : null}
              {end === null ? null : <li>{end}</li>}
            </ul>
            {renderActions?.(order)}
          </li>
        )
      })}
    </ul>
  )
}
