import { ErrorNotice } from '@mhkit/react'
import { useLoggedConnect } from './use-logged-connect'

/**
 * The two ways to connect a bank: a full redirect (the default, never blocked) and a popup
 * (falls back to a redirect when the browser blocks the window).
 */
export function ConnectButtons({ label = 'Connect a bank' }: { readonly label?: string }) {
  const redirect = useLoggedConnect({ mode: 'redirect' })
  const popup = useLoggedConnect({ mode: 'popup' })
  const busy = redirect.isBusy || popup.isBusy
  const failed = redirect.error ?? popup.error
  return (
    <div>
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
