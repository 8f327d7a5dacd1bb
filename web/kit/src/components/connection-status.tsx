import type { ReactNode } from 'react'
import type { Connection, ConnectionStatus as Status } from '../api/contract'
import { useConnections } from '../hooks/use-connections'
import type { ConnectBankOptions } from '../hooks/use-connect-bank'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import { describeExpiry } from '../format/format-date'
import { useNow } from '../internal/use-now'
import { useMessages } from '../messages/use-messages'
import { ReconnectButton } from './reconnect-button'

const statusLabel: { readonly [S in Status]: string } = {
  active: 'Connected',
  expiring: 'Access ending soon',
  expired: 'Access expired',
  error: 'Needs attention',
}

/** Props of {@link ConnectionStatus}. */
export interface ConnectionStatusProps extends Pick<
  ConnectBankOptions,
  'mode' | 'returnTo' | 'navigate' | 'onSuccess' | 'onError' | 'onEvent'
> {
  className?: string
  /** Accessible name of the list. Default "Bank connections". */
  label?: string
  /** Extra content per connection (e.g. a `<DisconnectButton>`). */
  renderActions?: (connection: Connection) => ReactNode
  /** Shown when there are no connections. */
  children?: ReactNode
  /** Clock for the countdown (tests). */
  now?: () => Date
}

/**
 * Each bank connection with its status, a countdown to consent expiry, and — when consent is
 * expiring or expired, or syncing fails — a reconnect button that runs the right flow
 * (reconsent, reauth, refresh) through {@link useConnectBank}. Wraps {@link useConnections}.
 */
export function ConnectionStatus({
  className,
  label,
  renderActions,
  children,
  now,
  ...connectOptions
}: ConnectionStatusProps) {
  const query = useConnections()
  const m = useMessages()
  const { data, isFetching } = query
  const current = useNow(now)
  const classes = cx('mhkit-connections', className)
  const gate = queryGate(query, classes, m.connectionsLoading ?? 'Loading bank connections…')
  if (gate !== null || data === undefined) return gate
  if (data.data.length === 0) {
    return (
      <div className={classes}>
        {children ?? (
          <p className="mhkit-empty">{m.connectionsEmpty ?? 'No banks connected yet.'}</p>
        )}
      </div>
    )
  }
  return (
    <ul
      className={classes}
      aria-label={label ?? m.connectionsLabel ?? 'Bank connections'}
      aria-busy={isFetching}
    >
      {data.data.map((connection) => (
        <li key={connection.id} className="mhkit-connection" data-status={connection.status}>
          <span className="mhkit-connection__bank">{connection.bankName}</span>
          <span className={cx('mhkit-badge', `mhkit-badge--${connection.status}`)}>
            {m.connectionStatusLabels?.[connection.status] ?? statusLabel[connection.status]}
          </span>
          {connection.consentExpiresAt ? (
            <span className="mhkit-connection__expiry">
              {describeExpiry(connection.consentExpiresAt, current, m)}
            </span>
          ) : null}
          {connection.status === 'active' ? null : (
            <ReconnectButton connection={connection} {...connectOptions} />
          )}
          {renderActions?.(connection)}
        </li>
      ))}
    </ul>
  )
}
