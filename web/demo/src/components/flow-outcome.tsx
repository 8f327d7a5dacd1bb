import { BffError, describePaymentError, type ConnectCallbackResult } from '@mhkit/react'
import { Link } from '../link'
import { navigate } from '../router'
import { TitledErrorNotice } from './titled-error-notice'
import { useLoggedConnect } from './use-logged-connect'
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
      // A bank connection: the callback page's ConnectProgress says so, with what to do next.
      return null
  }
}

// Each payment-type flow: what did not happen, and the screen where it starts again.
const PAYMENT_FAILURES: Readonly<Record<string, { title: string; startAgain: string }>> = {
  payment: { title: 'The payment was not made', startAgain: '/pay' },
  reverse_payment: { title: 'The refund was not made', startAgain: '/payments' },
  recurring_payment: {
    title: 'The recurring payment permission was not set up',
    startAgain: '/recurring-payments',
  },
  standing_order: { title: 'The standing order was not set up', startAgain: '/standing-orders' },
}

/**
 * A reconnection (reauth, reconsent, refresh) that failed: it belongs to one connection, so
 * "Try again" goes back to Connections, where that connection's Reconnect button is.
 */
function ReconnectFailed({ error }: { readonly error: BffError }) {
  return (
    <TitledErrorNotice
      title="The bank was not reconnected"
      error={error}
      actionLabel="Try again"
      onAction={() => navigate('/connections')}
      onSignIn={() => navigate('/')}
    />
  )
}

/** A new bank connection that failed: "Try again" connects a bank again, by redirect. */
function ConnectFailed({ error }: { readonly error: BffError }) {
  const again = useLoggedConnect({ mode: 'redirect' })
  const start = () => void again.start().catch(() => undefined)
  return (
    <>
      <TitledErrorNotice
        title="The bank was not connected"
        error={error}
        actionLabel="Try again"
        onAction={start}
        onSignIn={start}
      />
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </>
  )
}

function Failed({
  kind,
  error,
}: {
  readonly kind: FlowKind | undefined
  readonly error: BffError | undefined
}) {
  // A failed callback always carries its error; a generic one stands in should it not.
  const failure = error ?? new BffError('internal_error', 'the flow failed without an error')
  const payment = kind === undefined ? undefined : PAYMENT_FAILURES[kind]
  if (kind === 'reauth' || kind === 'reconsent' || kind === 'refresh') {
    return <ReconnectFailed error={failure} />
  }
  if (payment === undefined) return <ConnectFailed error={failure} />
  return (
    <>
      <TitledErrorNotice
        title={payment.title}
        error={failure}
        describe={describePaymentError}
        actionLabel="Start again"
        onAction={() => navigate(payment.startAgain)}
      />
      {kind === 'payment' ? (
        <p className="demo-actions">
          <Link to="/payments">All payments</Link>
        </p>
      ) : null}
    </>
  )
}

/**
 * What the shared return page shows once a flow has settled, by the flow's kind: a fitting
 * confirmation and next step for a payment, a refund, a VRP consent or a
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
