import { DisconnectButton, EmptyState, ReconnectButton, useConnections } from '@mhkit/react'
import { DataProblem } from '../components/data-problem'
import { useEventLog } from '../event-log'
import { CALLBACK_PATH } from '../router'
import { formatDate } from '../format'
import { Link } from '../link'

const statusLabel: Readonly<Record<string, string>> = {
  active: 'Active',
  expiring: 'Consent expiring',
  expired: 'Consent expired',
  error: 'Sync error',
}

/**
 * Bank connections with their status and consent expiry; the kit's `ReconnectButton` (the
 * right flow for the connection's state) and `DisconnectButton` do the work.
 */
export function ConnectionsScreen() {
  const connections = useConnections()
  const { record } = useEventLog()

  return (
    <section className="demo-panel" aria-labelledby="connections-heading">
      <h1 id="connections-heading">Connections</h1>
      {connections.isPending ? <p className="demo-muted">Loading connections…</p> : null}
      {connections.isError ? (
        <DataProblem
          error={connections.error}
          what="your bank connections"
          onRetry={() => void connections.refetch()}
        />
      ) : null}
      {connections.data !== undefined && connections.data.data.length === 0 ? (
        <EmptyState title="No banks connected">
          <p>
            <Link to="/">Connect a bank</Link>
          </p>
        </EmptyState>
      ) : null}
      {connections.data !== undefined && connections.data.data.length > 0 ? (
        <ul className="demo-cards" aria-label="Connections">
          {connections.data.data.map((connection) => (
            <li key={connection.id} className="demo-card" aria-label={connection.bankName}>
              <h2>{connection.bankName}</h2>
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
                  <ReconnectButton
                    connection={connection}
                    returnTo={CALLBACK_PATH}
                    onEvent={(event) => record(`connect:${event.type}`, event.mode)}
                    onSuccess={(flow) => record('connect:success', flow.kind)}
                    onError={(error) => record('connect:error', error.code)}
                  />
                )}
                <DisconnectButton
                  connection={connection}
                  onDisconnected={() => record('disconnect', connection.bankName)}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
