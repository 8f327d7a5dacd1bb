import { ConnectProgress, useConnectCallback } from '@mhkit/react'
import { FlowOutcome, outcomeHeading } from '../components/flow-outcome'
import { useEffect } from 'react'
import { useEventLog } from '../event-log'
import { Link } from '../link'
import { routeTitle } from '../router'

// Connect flows log as `connect:*` (the StrictMode journey counts `connect:success`); payment
// kinds log under their own kind.
function logName(kind: string): string {
  return ['ais', 'reauth', 'reconsent', 'refresh'].includes(kind) ? 'connect' : kind
}

/**
 * The return page (`returnTo`) of every flow — bank connections and payments alike: the kit
 * reads the stored outcome, strips `?flow=` from the URL and fires `onSuccess` once per flow
 * (StrictMode and reloads included); {@link FlowOutcome} shows what fits the flow's kind.
 */
export function CallbackScreen() {
  const { record } = useEventLog()
  const callback = useConnectCallback({
    // Other tabs list the new bank without help: the kit's SessionSync compares this page's
    // session with the one this tab saw before it left for the bank.
    onSuccess: (flow) => record(`${logName(flow.kind)}:success`, flow.kind),
    onError: (error) => record('flow:error', error.code),
  })
  const isConnect = callback.flow !== undefined && logName(callback.flow.kind) === 'connect'
  const heading = outcomeHeading(callback.flow?.kind, callback.status)
  // The title follows the outcome too: it is what a screen reader announces on the way back
  // from the bank, and what the tab shows while the person looks elsewhere.
  useEffect(() => {
    document.title = routeTitle('callback', heading)
  }, [heading])
  return (
    <section className="demo-panel" aria-labelledby="callback-heading">
      <h1 id="callback-heading">{heading}</h1>
      {callback.status === 'idle' ? (
        <p className="demo-muted">There is no bank connection to finish here.</p>
      ) : null}
      {isConnect ? (
        // The kit's steps (preparing → at your bank → finishing → connected) with the bank's
        // name once connected, then where to go next; errors stay with FlowOutcome below.
        <ConnectProgress
          status={callback.status}
          connectionId={callback.flow?.result?.connectionId}
        >
          <p className="demo-actions">
            <Link to="/accounts">View accounts</Link>
            <Link to="/transactions">View transactions</Link>
          </p>
        </ConnectProgress>
      ) : callback.status === 'loading' || callback.status === 'pending' ? (
        // The flow's kind is not known yet: it may be a payment, which has no such steps.
        <p role="status">Finishing up…</p>
      ) : null}
      {callback.status === 'popup-handoff' ? <p role="status">Returning to the app…</p> : null}
      <FlowOutcome callback={callback} />
    </section>
  )
}
