import { useConnectCallback } from '@mhkit/react'
import { ErrorNotice } from '../components/error-notice'
import { useEventLog } from '../event-log'
import { Link } from '../link'

/**
 * The return page (`returnTo`) of every connect flow: the kit reads the stored outcome, strips
 * `?flow=` from the URL and fires `onSuccess` once per flow (StrictMode and reloads included).
 */
export function CallbackScreen() {
  const { record } = useEventLog()
  const callback = useConnectCallback({
    onSuccess: (flow) => record('connect:success', flow.kind),
    onError: (error) => record('connect:error', error.code),
  })
  return (
    <section className="demo-panel" aria-labelledby="callback-heading">
      <h1 id="callback-heading">Connecting your bank</h1>
      {callback.status === 'idle' ? (
        <p className="demo-muted">There is no bank connection to finish here.</p>
      ) : null}
      {callback.status === 'loading' || callback.status === 'pending' ? (
        <p role="status">Finishing the connection…</p>
      ) : null}
      {callback.status === 'popup-handoff' ? <p role="status">Returning to the app…</p> : null}
      {callback.status === 'succeeded' ? (
        <>
          <p className="demo-alert" data-tone="ok" role="status">
            Bank connected
          </p>
          <p className="demo-actions">
            <Link to="/accounts">View accounts</Link>
            <Link to="/transactions">View transactions</Link>
          </p>
        </>
      ) : null}
      {callback.status === 'failed' ? (
        <>
          <ErrorNotice title="The bank was not connected" error={callback.error} />
          <p>
            <Link to="/">Back to the overview</Link>
          </p>
        </>
      ) : null}
    </section>
  )
}
