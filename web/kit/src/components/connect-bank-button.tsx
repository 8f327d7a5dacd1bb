import type { ReactNode } from 'react'
import { useConnectBank } from '../hooks/use-connect-bank'
import type { ConnectBank, ConnectBankOptions } from '../hooks/use-connect-bank'
import type { ConnectState } from '../internal/connect-machine'
import { cx } from '../internal/class-names'
import { ConnectTrigger } from '../internal/connect-trigger'
import { describeConnectError } from '../internal/describe-connect-error'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { useMessages } from '../messages/use-messages'

/** Props of {@link ConnectBankButton}. */
export interface ConnectBankButtonProps extends ConnectBankOptions {
  /** The button's label. Default "Connect your bank". */
  children?: ReactNode
  className?: string
  /** Replaces the default progress text under the button. */
  renderStatus?: (connect: ConnectBank) => ReactNode
}

function progressText(state: ConnectState, m: MhkitMessages): string {
  switch (state.status) {
    case 'preparing':
      return m.connectPreparing ?? 'Preparing a secure connection…'
    case 'awaiting-user':
      return state.mode === 'popup'
        ? (m.connectInPopup ?? 'Continue in the window that opened. Close it to cancel.')
        : (m.connectRedirecting ?? 'Taking you to your bank…')
    case 'completing':
      return m.connectFinishing ?? 'Finishing…'
    case 'succeeded':
      return m.connectSucceeded ?? 'Your bank is connected.'
    case 'cancelled':
      return m.connectCancelled ?? 'Cancelled. You can try again whenever you are ready.'
    default:
      return ''
  }
}

/**
 * A button that connects a bank (or reauthorises, reconsents or refreshes a connection) with
 * {@link useConnectBank}. It shows every step in a polite live region, is `aria-busy` while the
 * flow runs, and shows failures with a "start again" action. All {@link ConnectBankOptions}
 * (kind, bankId, connectionId, consent, mode, callbacks) are accepted as props.
 *
 * @example
 * ```tsx
 * <ConnectBankButton mode="popup" returnTo="/connected" onSuccess={() => navigate('/accounts')} />
 * ```
 */
export function ConnectBankButton({
  children,
  className,
  renderStatus,
  ...options
}: ConnectBankButtonProps) {
  const connect = useConnectBank(options)
  const m = useMessages()
  return (
    <div className={cx('mhkit-connect', className)} data-status={connect.status}>
      <ConnectTrigger
        connect={connect}
        label={children ?? m.connectButton ?? 'Connect your bank'}
        describe={describeConnectError(connect.state)}
      >
        <p role="status" aria-live="polite" className="mhkit-connect__status">
          {renderStatus ? renderStatus(connect) : progressText(connect.state, m)}
        </p>
      </ConnectTrigger>
    </div>
  )
}
