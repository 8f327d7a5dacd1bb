import { describePaymentError, type ConnectCallbackResult } from '@mhkit/react'
import { Link } from '../link'
import { ErrorNotice } from './error-notice'
import { PermissionSummary, StandingOrderSummary } from './set-up-summary'

type FlowKind = NonNullable<ConnectCallbackResult['flow']>['kind']

/**
 * The callback page's heading: a payment-type flow by its kind; a bank connection by its
 * outcome, so the heading never still says "Connecting" after it succeeded or failed.
 *
 * @param kind - the flow's kind, once known
 * @param status - the callback's status (default: still in progress)
 */
export function outcomeHeading(
  kind: FlowKind | undefined,
  status: ConnectCallbackResult['status'] = 'loading',
): string {
  switch (kind) {
    case 'payment':
      return 'Your payment'
    case 'reverse_payment':
      return 'Your refund'
    case 'recurring_payment':
      return 'Your recurring payment permission'
    case 'standing_order':
      return 'Your standing order'
    default:
      if (status === 'succeeded') return 'Bank connected'
      if (status === 'failed') return 'Could not connect your bank'
      if (status === 'idle') return 'Nothing to finish here'
      return 'Connecting your bank…'
  }
}

// Final statuses in which no money moved.
const NOT_PAID = new Set(['rejected', 'failed', 'cancelled', 'abandoned'])

function paymentPath(id: string | undefined): string {
  return id === undefined ? '/payments' : `/payments/${encodeURIComponent(id)}`
}

function Succeeded({ flow }: { readonly flow: NonNullable<ConnectCallbackResult['flow']> }) {
  const result = flow.result
  switch (flow.kind) {
    case 'payment':
      // Authorised, but the bank may still refuse to make it (rejected, insufficient funds).
      if (result?.status !== undefined && NOT_PAID.has(result.status)) {
        return (
          <>
            <div className="demo-alert" role="alert">
              <strong>Your bank did not make the payment</strong>
              <p>
                You authorised it, but your bank turned it down, so no money has moved. Check your
                balance or the payee’s details and try again, or use another account.
              </p>
            </div>
            <p className="demo-actions">
              <Link to={paymentPath(result.paymentId)}>See the payment</Link>
              <Link to="/pay">Try the payment again</Link>
            </p>
          </>
        )
      }
      return (
        <>
          <p className="demo-alert" data-tone="ok" role="status">
            Payment authorised
          </p>
          <p>Your bank has the payment. Follow its status until the money arrives.</p>
          <p className="demo-actions">
            <Link to={paymentPath(result?.paymentId)}>See the payment status</Link>
            <Link to="/payments">All payments</Link>
          </p>
        </>
      )
    case 'reverse_payment':
      return (
        <>
          <p className="demo-alert" data-tone="ok" role="status">
            Refund authorised
          </p>
          <p>The money is on its way back to the person who paid.</p>
          <p className="demo-actions">
            <Link to={paymentPath(result?.paymentId)}>See the refund status</Link>
            <Link to="/payments">All payments</Link>
          </p>
        </>
      )
    case 'recurring_payment':
      return (
        <>
          <p className="demo-alert" data-tone="ok" role="status">
            Recurring payment permission set up
          </p>
          {result?.recurringPaymentId === undefined ? null : (
            <PermissionSummary id={result.recurringPaymentId} />
          )}
          <p>You can now make payments within its limits.</p>
          <p className="demo-actions">
            <Link to="/recurring-payments">Go to recurring payments</Link>
          </p>
        </>
      )
    case 'standing_order':
      return (
        <>
          <p className="demo-alert" data-tone="ok" role="status">
            Standing order set up
          </p>
          {result?.standingOrderId === undefined ? null : (
            <StandingOrderSummary id={result.standingOrderId} />
          )}
          <p className="demo-actions">
            <Link to="/standing-orders">Go to standing orders</Link>
          </p>
        </>
      )
    default:
      return (
        <>
          <p className="demo-alert" data-tone="ok" role="status">
            Bank connected
          </p>
          <p className="demo-actions">
            <Link to="/accounts">View accounts</Link>
            <Link to="/transactions">View transactions</Link>
          </p>
        </>
      )
  }
}

function Failed({ kind, error }: { readonly kind: FlowKind | undefined; readonly error: unknown }) {
  switch (kind) {
    case 'payment':
      return (
        <>
          <ErrorNotice
            title="The payment was not made"
            error={error}
            describe={describePaymentError}
          />
          <p className="demo-actions">
            <Link to="/pay">Start a new payment</Link>
            <Link to="/payments">All payments</Link>
          </p>
        </>
      )
    case 'reverse_payment':
      return (
        <>
          <ErrorNotice
            title="The refund was not made"
            error={error}
            describe={describePaymentError}
          />
          <p className="demo-actions">
            <Link to="/payments">Back to payments to try again</Link>
          </p>
        </>
      )
    case 'recurring_payment':
      return (
        <>
          <ErrorNotice
            title="The recurring payment permission was not set up"
            error={error}
            describe={describePaymentError}
          />
          <p className="demo-actions">
            <Link to="/recurring-payments">Back to recurring payments</Link>
          </p>
        </>
      )
    case 'standing_order':
      return (
        <>
          <ErrorNotice
            title="The standing order was not set up"
            error={error}
            describe={describePaymentError}
          />
          <p className="demo-actions">
            <Link to="/standing-orders">Back to standing orders</Link>
          </p>
        </>
      )
    default:
      return (
        <>
          <ErrorNotice title="The bank was not connected" error={error} />
          <p>
            <Link to="/">Back to the overview</Link>
          </p>
        </>
      )
  }
}

/**
 * What the shared return page shows once a flow has settled, by the flow's kind: a fitting
 * confirmation and next step for a bank connection, a payment, a refund, a VRP consent or a
 * standing order, or what went wrong and where to start again.
 */
export function FlowOutcome({ callback }: { readonly callback: ConnectCallbackResult }) {
  if (callback.status === 'succeeded' && callback.flow !== undefined) {
    return <Succeeded flow={callback.flow} />
  }
  if (callback.status === 'failed') {
    return <Failed kind={callback.flow?.kind} error={callback.error} />
  }
  return null
}
