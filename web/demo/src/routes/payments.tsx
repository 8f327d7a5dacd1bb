import { EmptyState, PaymentList } from '@mhkit/react'
import { isRefundable, RefundForm } from '../components/refund-form'
import { Link } from '../link'

/** The payments this browser (or its signed-in user) made, each with its details and a Refund action where one is possible. */
export function PaymentsScreen() {
  return (
    <section className="demo-panel" aria-labelledby="payments-heading">
      <h1 id="payments-heading">Payments</h1>
      <p className="demo-actions">
        <Link to="/pay">Make a payment</Link>
      </p>
      <PaymentList
        className="demo-payment-list"
        renderActions={(payment) => (
          <span className="demo-payment-actions">
            <Link
              to={`/payments/${encodeURIComponent(payment.id)}`}
              aria-label={`Details of the ${payment.refundOf === undefined ? 'payment' : 'refund'} to ${payment.payeeName ?? payment.payeeRef}`}
            >
              {payment.refundOf === undefined ? 'Details' : 'Refund details'}
            </Link>
            {isRefundable(payment) ? <RefundForm payment={payment} /> : null}
          </span>
        )}
      >
        <EmptyState title="No payments yet">
          <p>
            <Link to="/pay">Make your first payment</Link>
          </p>
        </EmptyState>
      </PaymentList>
    </section>
  )
}
