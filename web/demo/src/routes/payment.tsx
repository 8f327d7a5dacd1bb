import { PaymentStatus, usePaymentStatus } from '@mhkit/react'
import { isRefundable, RefundForm } from '../components/refund-form'
import { Link } from '../link'
import { useRouteParams } from '../router'

/**
 * One payment: its live status (`<PaymentStatus>` polls until the status is final and
 * announces each change), its details, and a Refund action once it is completed and
 * reversible.
 */
export function PaymentScreen() {
  const paymentId = useRouteParams('/payments/:id')?.id
  // The same query <PaymentStatus> polls (one cache entry, no extra requests).
  const payment = usePaymentStatus(paymentId).data?.data
  return (
    <section className="demo-panel" aria-labelledby="payment-heading">
      <h1 id="payment-heading">
        {payment?.refundOf === undefined ? 'Payment details' : 'Refund details'}
      </h1>
      <PaymentStatus paymentId={paymentId} className="demo-payment-status">
        {payment !== undefined && isRefundable(payment) ? (
          <div className="demo-refund-box">
            <h2>Refund this payment</h2>
            <p className="demo-muted">
              Give back all or part of it. The payee approves the refund at their bank.
            </p>
            <RefundForm payment={payment} />
          </div>
        ) : null}
      </PaymentStatus>
      <p className="demo-actions">
        {payment?.refundOf === undefined ? null : (
          <Link to={`/payments/${encodeURIComponent(payment.refundOf)}`}>
            The payment this refunds
          </Link>
        )}
        <Link to="/payments">All payments</Link>
        <Link to="/pay">Make another payment</Link>
      </p>
    </section>
  )
}
