import type { ReactNode } from 'react'
import { useConnectCallback } from '../hooks/use-connect-callback'
import type {
  ConnectCallback as ConnectCallbackResult,
  ConnectCallbackOptions,
} from '../hooks/use-connect-callback'
import { cx } from '../internal/class-names'
import { isTransientError } from '../internal/is-transient'
import { useMessages } from '../messages/use-messages'
import { ErrorNotice } from './error-notice'

/** Props of {@link ConnectCallback}. */
export interface ConnectCallbackProps extends ConnectCallbackOptions {
  className?: string
  /** Shown under the success message (e.g. a link to the accounts page). */
  children?: ReactNode
  /** Replaces the default rendering entirely. */
  render?: (callback: ConnectCallbackResult) => ReactNode
  /** Offered on a failed flow ("Start again"), e.g. navigate back to the connect page. */
  onStartAgain?: () => void
}

/**
 * Drop-in return page for connect flows: mount it on the route given as `returnTo`. It wraps
 * {@link useConnectCallback}, so it fires `onSuccess`/`onError` once per flow, cleans the URL,
 * and keeps showing the outcome after a reload. A callback that landed with `?flowError=<code>`
 * (not tied to a flow of this browser) is shown as failed with `onStartAgain` as its action.
 * Renders nothing when there is no flow to finish.
 *
 * @example
 * ```tsx
 * <Route path="/connected" element={<ConnectCallback onSuccess={() => navigate('/accounts')} />} />
 * ```
 */
export function ConnectCallback({
  className,
  children,
  render,
  onStartAgain,
  ...options
}: ConnectCallbackProps) {
  const callback = useConnectCallback(options)
  const m = useMessages()
  if (render) return <>{render(callback)}</>
  const classes = cx('mhkit-callback', className)
  switch (callback.status) {
    case 'idle':
      return null
    case 'loading':
    case 'pending':
      return (
        <div className={classes} aria-busy="true">
          <p role="status" className="mhkit-progress">
            {m.callbackFinishing ?? 'Finishing connecting your bank…'}
          </p>
        </div>
      )
    case 'popup-handoff':
      return (
        <div className={classes}>
          <p role="status">{m.callbackPopupDone ?? 'Done. You can close this window.'}</p>
        </div>
      )
    case 'succeeded':
      return (
        <div className={classes}>
          <p role="status" className="mhkit-callback__success">
            {m.connectSucceeded ?? 'Your bank is connected.'}
          </p>
          {children}
        </div>
      )
    case 'failed': {
      const error = callback.error
      if (!error) return null
      return (
        <div className={classes}>
          <ErrorNotice
            error={error}
            onAction={isTransientError(error) ? () => void callback.refetch() : onStartAgain}
          />
        </div>
      )
    }
  }
}
