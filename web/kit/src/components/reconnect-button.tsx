import type { ReactNode } from 'react'
import type { Connection, ConnectKind } from '../api/contract'
import { useConnectBank } from '../hooks/use-connect-bank'
import type { ConnectBankOptions } from '../hooks/use-connect-bank'
import { cx } from '../internal/class-names'
import { ConnectTrigger } from '../internal/connect-trigger'
import { describeConnectError } from '../internal/describe-connect-error'
import { useMessages } from '../messages/use-messages'

/**
 * Which flow brings a connection back: the short 90-day reconsent when Moneyhub offers it for
 * an expiring consent, a refresh for legacy (screen-scraping) connections with sync errors,
 * and a full reauth otherwise (moneyhub-protocol.md §4.5).
 *
 * @param connection - the connection to bring back
 * @returns the connect kind to start
 */
export function reconnectKind(connection: Connection): ConnectKind {
  if (connection.status === 'expiring' && connection.reconsentAvailable) return 'reconsent'
  if (connection.status === 'error' && connection.type === 'legacy') return 'refresh'
  return 'reauth'
}

/** Props of {@link ReconnectButton}. */
export interface ReconnectButtonProps extends Omit<ConnectBankOptions, 'kind' | 'connectionId'> {
  connection: Connection
  className?: string
  /** Button label. Default "Reconnect <bank>". */
  children?: ReactNode
}

/**
 * Reconnects one connection (reconsent, reauth or refresh, see {@link reconnectKind}) with
 * {@link useConnectBank}; on success the connections and accounts are refetched.
 */
export function ReconnectButton({
  connection,
  className,
  children,
  ...options
}: ReconnectButtonProps) {
  const connect = useConnectBank({
    ...options,
    kind: reconnectKind(connection),
    connectionId: connection.id,
  })
  const m = useMessages()
  return (
    <span className={cx('mhkit-reconnect', className)} data-status={connect.status}>
      <ConnectTrigger
        connect={connect}
        describe={describeConnectError(connect.state)}
        label={
          children ?? m.reconnectButton?.(connection.bankName) ?? `Reconnect ${connection.bankName}`
        }
      >
        {connect.isBusy ? (
          <span role="status" className="mhkit-progress">
            {m.reconnecting ?? 'Reconnecting…'}
          </span>
        ) : null}
      </ConnectTrigger>
    </span>
  )
}
