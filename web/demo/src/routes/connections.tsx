import { useConnections, useDisconnect } from '@mhkit/react'
import { ErrorNotice } from '../components/error-notice'
import { ReconnectButton } from '../components/reconnect-button'
import { useEventLog } from '../event-log'
import { formatDate } from '../format'
import { Link } from '../link'

const statusLabel: Readonly<Record<string, string>> = {
  active: 'Active',
  expiring: 'Consent expiring',
  expired: 'Consent expired',
  error: 'Sync error',
}

/** Bank connections with their status and consent expiry, a reconnect and a disconnect. */
export function ConnectionsScreen() {
  const connections = useConnections()
  const disconnect = useDisconnect()
  const { record } = useEventLog()

  return (
    <section className="demo-panel" aria-labelledby="connections-heading">
      <h1 id="connections-heading">Connections</h1>
      {connections.isPending ? <p className="demo-muted">Loading connections…</p> : null}
      {connections.isError ? (
        <ErrorNotice title="Could not load connections" error={connections.error} />
      ) : null}
      {disconnect.isError ? (
        <ErrorNotice title="Could not disconnect" error={disconnect.error} />
      ) : null}
      {connections.data !== undefined && connections.data.data.length === 0 ? (
        <p className="demo-muted">
          No banks connected. <Link to="/">Connect a bank</Link>.
        </p>
      ) : null}
      {connections.data !== undefined && connections.data.data.length > 0 ? (
        <ul className="demo-cards" aria-label="Connections">
          {connections.data.data.map((connection) => (
            <li key={connection.id} className="demo-card" aria-label={connection.bankName}>
              <h3>{connection.bankName}</h3>
              <p>
                <span className="demo-status" data-status={connection.status}>
                  {statusLabel[connection.status] ?? connection.status}
                </span>
              </p>
              <p className="demo-muted">
                Connected {formatDate(connection.connectedAt)}
                {connection.consentExpiresAt === undefined
                  ? null
                  : ` · consent until ${formatDate(connection.consentExpiresAt)}`}
              </p>
              <div className="demo-actions">
                {connection.status === 'active' ? null : (
                  <ReconnectButton connection={connection} />
                )}
                <button
                  type="button"
                  className="demo-button"
                  data-variant="danger"
                  aria-label={`Disconnect ${connection.bankName}`}
                  disabled={disconnect.isPending}
                  onClick={() =>
                    disconnect.mutate(connection.id, {
                      onSuccess: () => record('disconnect', connection.bankName),
                    })
                  }
                >
                  Disconnect
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
