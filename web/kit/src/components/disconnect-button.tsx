import type { ReactNode } from 'react'
import type { Connection } from '../api/contract'
import { useDisconnect } from '../hooks/use-disconnect'
import { cx } from '../internal/class-names'
import { ErrorNotice } from './error-notice'

/** Props of {@link DisconnectButton}. */
export interface DisconnectButtonProps {
  connection: Pick<Connection, 'id' | 'bankName'>
  className?: string
  /** Button label. Default "Disconnect <bank>". */
  children?: ReactNode
  onDisconnected?: () => void
}

/**
 * Disconnects one bank with {@link useDisconnect}; busy and error states included.
 */
export function DisconnectButton({
  connection,
  className,
  children,
  onDisconnected,
}: DisconnectButtonProps) {
  const disconnect = useDisconnect()
  const onClick = () => {
    if (disconnect.isPending) return
    disconnect.mutate(connection.id, { onSuccess: () => onDisconnected?.() })
  }
  return (
    <span className={cx('mhkit-disconnect', className)}>
      <button
        type="button"
        className="mhkit-button"
        onClick={onClick}
        aria-busy={disconnect.isPending}
        aria-disabled={disconnect.isPending}
      >
        {children ?? `Disconnect ${connection.bankName}`}
      </button>
      {disconnect.isPending ? (
        <span role="status" className="mhkit-progress">
          Disconnecting…
        </span>
      ) : null}
      {disconnect.error ? <ErrorNotice error={disconnect.error} onAction={onClick} /> : null}
    </span>
  )
}
