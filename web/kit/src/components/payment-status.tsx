import type { ReactNode } from 'react'
import type { Payment, PaymentStatus as PaymentStatusValue } from '../api/contract'
import { describePaymentError } from '../api/describe-payment-error'
import { formatDate } from '../format/format-date'
import { formatMoney } from '../format/format-money'
import { usePaymentStatus } from '../hooks/use-payment-status'
import { cx } from '../internal/class-names'
import type { PaymentPolling } from '../query-options/payments-query'
import { useMessages } from '../messages/use-messages'
import { ErrorNotice } from './error-notice'
import { paymentStatusLabel } from './payment-status-text'

/** Props of {@link PaymentStatus}. */
export interface PaymentStatusProps {
  /** The payment to follow (e.g. `flow.result.paymentId`); nothing is shown without it. */
  paymentId: string | undefined
  className?: string
  /** Polling backoff (default 1 s doubling up to 30 s). */
  polling?: PaymentPolling
  /** Replaces the details under the status line. */
  render?: (payment: Payment) => ReactNode
  /** Shown under a final status (e.g. a link back to the shop). */
  children?: ReactNode
}

const sentences: { readonly [S in PaymentStatusValue]: string } = {
  in_progress: 'Waiting for your bank to confirm the payment…',
  pending: 'Your bank has accepted the payment. It is on its way…',
  completed: 'Payment complete.',
  rejected: 'Your bank rejected the payment. No money has moved.',
  cancelled: 'The payment was cancelled. No money has moved.',
  abandoned: 'The payment was not finished. No money has moved.',
  failed: 'The payment failed. No money has moved.',
}

/**
 * The live status of one payment, wrapping {@link usePaymentStatus}: it polls with backoff
 * until the status is final and announces each change in a polite live region (`role="status"`)
 * — the wait included — then shows the amount, payee, reference and date. A payment that cannot
 * be read is shown with an action worded for payments.
 */
export function PaymentStatus({
  paymentId,
  className,
  polling,
  render,
  children,
}: PaymentStatusProps) {
  const query = usePaymentStatus(paymentId, polling)
  const m = useMessages()
  const payment = query.data?.data
  const classes = cx('mhkit-payment-status', className)
  if (paymentId === undefined || paymentId === '') return null
  if (!payment) {
    return (
      <section
        className={classes}
        aria-label={m.paymentLabel ?? 'Payment'}
        aria-busy={query.isPending}
      >
        {query.error ? (
          <ErrorNotice
            error={query.error}
            onAction={() => void query.refetch()}
            describe={describePaymentError}
          />
        ) : (
          <p role="status" className="mhkit-progress">
            {m.paymentChecking ?? 'Checking the payment…'}
          </p>
        )}
      </section>
    )
  }
  return (
    <section
      className={classes}
      aria-label={m.paymentLabel ?? 'Payment'}
      aria-busy={!query.isFinal}
      data-status={payment.status}
    >
      <p role="status" aria-live="polite" className="mhkit-payment-status__text">
        {m.paymentStatusSentences?.[payment.status] ?? sentences[payment.status]}
      </p>
      {render ? (
        render(payment)
      ) : (
        <dl className="mhkit-payment-status__details">
          <dt>{m.columnAmount ?? 'Amount'}</dt>
          <dd className="mhkit-money">{formatMoney(payment.amount)}</dd>
          {payment.payeeName ? (
            <>
              <dt>{m.paymentTo ?? 'To'}</dt>
              <dd>{payment.payeeName}</dd>
            </>
          ) : null}
          <dt>{m.paymentReference ?? 'Reference'}</dt>
          <dd>{payment.payeeRef}</dd>
          <dt>{m.columnDate ?? 'Date'}</dt>
          <dd>{formatDate(payment.finalisedAt ?? payment.initiatedAt)}</dd>
          <dt>{m.paymentStatus ?? 'Status'}</dt>
          <dd>
            <span className={`mhkit-badge mhkit-badge--${payment.status}`}>
              {paymentStatusLabel(payment.status, m)}
            </span>
          </dd>
        </dl>
      )}
      {query.isFinal ? children : null}
    </section>
  )
}
