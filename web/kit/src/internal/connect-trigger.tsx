import type { ReactNode } from 'react'
import type { BffError } from '../api/bff-error'
import type { ErrorDescription } from '../api/describe-error'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { ErrorNotice } from '../components/error-notice'

/**
 * The button that starts a connect flow, the caller's progress line, and the error with its
 * retry action: what {@link ConnectBankButton} and {@link ReconnectButton} share. A click while
 * a flow is running does nothing.
 */
export function ConnectTrigger({
  connect,
  label,
  children,
  describe,
}: {
  /** Any flow hook's result (`useConnectBank`, `usePayment`, …). */
  connect: { isBusy: boolean; error: BffError | undefined; start: () => Promise<unknown> }
  label: ReactNode
  /** Rendered between the button and the error (the progress line). */
  children?: ReactNode
  /** How the error is worded (payments pass `describePaymentError`). */
  describe?: (error: BffError, messages: MhkitMessages) => ErrorDescription
}) {
  const onClick = () => {
    if (connect.isBusy) return
    // Failures are shown from state and reported through onError; nothing to rethrow.
    connect.start().catch(() => undefined)
  }
  return (
    <>
      <button
        type="button"
        className="mhkit-button mhkit-button--primary"
        onClick={onClick}
        aria-busy={connect.isBusy}
        aria-disabled={connect.isBusy}
      >
        {label}
      </button>
      {children}
      {connect.error ? (
        <ErrorNotice error={connect.error} onAction={onClick} describe={describe} />
      ) : null}
    </>
  )
}
