import { useEffect, useId, useRef } from 'react'
import type { ReactNode } from 'react'
import type { Connection } from '../api/contract'
import { useDisconnect } from '../hooks/use-disconnect'
import { announce, prepareAnnouncer } from '../internal/announce'
import { cx } from '../internal/class-names'
import { useMessages } from '../messages/use-messages'
import { ErrorNotice } from './error-notice'

/** Props of {@link DisconnectButton}. */
export interface DisconnectButtonProps {
  connection: Pick<Connection, 'id' | 'bankName'>
  className?: string
  /** Button label. Default "Disconnect <bank>". */
  children?: ReactNode
  /**
   * Ask before disconnecting, in a modal dialog. Default true; `false` for apps that confirm
   * in their own way.
   */
  confirm?: boolean
  /** Called once the bank is disconnected (e.g. to move focus: this button leaves the page). */
  onDisconnected?: () => void
}

/**
 * Disconnects one bank with {@link useDisconnect}, after asking: a modal `<dialog>` titled
 * "Disconnect <bank>?" says what happens, with Cancel (focused first; Escape does the same)
 * and a Disconnect button. Focus returns to this button when the dialog closes. Success is
 * announced in a page-wide polite live region ("<bank> disconnected"), because the bank's row
 * usually leaves the page with it. Busy and error states included.
 */
export function DisconnectButton({
  connection,
  className,
  children,
  confirm = true,
  onDisconnected,
}: DisconnectButtonProps) {
  const disconnect = useDisconnect()
  const m = useMessages()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const bank = connection.bankName
  useEffect(prepareAnnouncer, [])

  const run = () => {
    if (disconnect.isPending) return
    disconnect.mutate(connection.id, {
      onSuccess: () => {
        dialog.current?.close()
        announce(m.disconnected?.(bank) ?? `${bank} disconnected`)
        onDisconnected?.()
      },
    })
  }
  const open = () => {
    if (!confirm) return run()
    disconnect.reset()
    dialog.current?.showModal()
    // Browsers focus the first button (Cancel) themselves; this also covers older engines.
    cancel.current?.focus()
  }
  const busy = disconnect.isPending
  const error = disconnect.error ? <ErrorNotice error={disconnect.error} onAction={run} /> : null
  const progress = busy ? (
    <span role="status" className="mhkit-progress">
      {m.disconnecting ?? 'Disconnecting…'}
    </span>
  ) : null
  return (
    <span className={cx('mhkit-disconnect', className)}>
      <button
        ref={opener}
        type="button"
        className="mhkit-button"
        onClick={open}
        aria-haspopup={confirm ? 'dialog' : undefined}
        aria-busy={busy}
        aria-disabled={busy}
      >
        {children ?? m.disconnectButton?.(bank) ?? `Disconnect ${bank}`}
      </button>
      {confirm ? (
        <dialog
          ref={dialog}
          className="mhkit-dialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-text`}
          onClose={() => opener.current?.focus()}
        >
          <h2 id={`${id}-title`} className="mhkit-dialog__title">
            {m.disconnectTitle?.(bank) ?? `Disconnect ${bank}?`}
          </h2>
          <p id={`${id}-text`} className="mhkit-dialog__text">
            {m.disconnectText?.(bank) ??
              `This app will stop reading your data from ${bank}. You can connect it again at any time.`}
          </p>
          {error}
          {progress}
          <div className="mhkit-dialog__actions">
            <button
              ref={cancel}
              type="button"
              className="mhkit-button"
              onClick={() => dialog.current?.close()}
            >
              {m.disconnectCancel ?? 'Cancel'}
            </button>
            <button
              type="button"
              className="mhkit-button mhkit-button--danger"
              onClick={run}
              aria-busy={busy}
              aria-disabled={busy}
            >
              {m.disconnectConfirm ?? 'Disconnect'}
            </button>
          </div>
        </dialog>
      ) : (
        <>
          {progress}
          {error}
        </>
      )}
    </span>
  )
}
