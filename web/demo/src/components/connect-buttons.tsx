import { BankPicker, ConnectBankButton, ErrorNotice } from '@mhkit/react'
import { useState } from 'react'
import { useConnectLogOptions, useLoggedConnect } from './use-logged-connect'

/**
 * The kit's bank picker (logos, search, "Your recent banks") with a button that connects the
 * picked bank: the bank is named in the connect request, so the simulator's own chooser is
 * skipped. The button appears only once a bank is picked, named after it.
 */
function PickedBankConnect() {
  const [picked, setPicked] = useState<{ id: string; name: string } | undefined>(undefined)
  const logged = useConnectLogOptions()
  return (
    <BankPicker kind="ais" className="demo-bank-picker" onChange={(bank) => setPicked(bank)}>
      {picked === undefined ? null : (
        // Keyed by bank: a new pick starts a fresh flow state rather than showing the last one's.
        <ConnectBankButton key={picked.id} {...logged} mode="redirect" bankId={picked.id}>
          Connect {picked.name}
        </ConnectBankButton>
      )}
    </BankPicker>
  )
}

/**
 * Picking the bank in the app, then the two ways to connect without naming one (the
 * simulator asks which bank): a full redirect (the default, never blocked) and a popup (falls
 * back to a redirect when the browser blocks the window).
 */
export function ConnectButtons({ label = 'Connect a bank' }: { readonly label?: string }) {
  const redirect = useLoggedConnect({ mode: 'redirect' })
  const popup = useLoggedConnect({ mode: 'popup' })
  const busy = redirect.isBusy || popup.isBusy
  const failed = redirect.error ?? popup.error
  return (
    <div className="demo-connect">
      <PickedBankConnect />
      <p className="demo-muted">Or choose your bank on Moneyhub&apos;s own page:</p>
      <div className="demo-actions">
        <button
          type="button"
          className="demo-button"
          disabled={busy}
          onClick={() => void redirect.start().catch(() => undefined)}
        >
          {label}
        </button>
        <button
          type="button"
          className="demo-button"
          data-variant="secondary"
          disabled={busy}
          onClick={() => void popup.start().catch(() => undefined)}
        >
          Connect in a popup
        </button>
        {popup.status === 'awaiting-user' ? (
          <>
            <span className="demo-muted" role="status">
              Waiting for your bank in the popup…
            </span>
            <button
              type="button"
              className="demo-button"
              data-variant="secondary"
              onClick={popup.reset}
            >
              Cancel
            </button>
          </>
        ) : null}
        {busy && popup.status !== 'awaiting-user' ? (
          <span className="demo-muted" role="status">
            Preparing…
          </span>
        ) : null}
      </div>
      {popup.status === 'succeeded' ? (
        <p className="demo-alert" data-tone="ok" role="status">
          Bank connected
        </p>
      ) : null}
      {popup.status === 'cancelled' ? (
        <p className="demo-muted" role="status">
          Connection cancelled.
        </p>
      ) : null}
      {failed === undefined ? null : (
        <ErrorNotice
          error={failed}
          onAction={() => {
            // The same way again: a popup that failed retries as a popup.
            const again = popup.error === undefined ? redirect : popup
            void again.start().catch(() => undefined)
          }}
        />
      )}
    </div>
  )
}
