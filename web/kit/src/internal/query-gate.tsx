import type { ReactElement, ReactNode } from 'react'
import type { BffError } from '../api/bff-error'
import { describeError } from '../api/describe-error'
import { ErrorNotice } from '../components/error-notice'
import { isNoSession } from './is-no-session'

/** The parts of a TanStack Query result the gate reads. */
export interface GatedQuery {
  isPending: boolean
  error: BffError | null
  data: unknown
  refetch: () => unknown
}

/**
 * The states every data component shares before it has something to show: a live "Loading…"
 * status (`aria-busy`) while the first answer is pending, and an actionable error with a retry
 * when the query failed with no data — except that a browser without a session sees `empty`
 * (when given): it has nothing to fix, only something to start. A failed background refetch
 * keeps showing the data.
 *
 * @param query - the query result.
 * @param className - the component's class names, kept on the placeholder.
 * @param loading - the status text, e.g. "Loading accounts…".
 * @param empty - the component's empty state, shown instead of a no-session error.
 * @param onReconnect - the action of an error that only a reconnection fixes (an expired
 *   consent): the app's way to its reconnect button. A refetch cannot fix those, so without it
 *   the error shows no button rather than a "Reconnect" button that only retries.
 * @returns the placeholder to render, or null when the component can render its data.
 */
export function queryGate(
  query: GatedQuery,
  className: string,
  loading: string,
  empty?: ReactNode,
  onReconnect?: () => void,
): ReactElement | null {
  if (query.isPending) {
    return (
      <div className={className} aria-busy="true">
        <p role="status" className="mhkit-progress">
          {loading}
        </p>
      </div>
    )
  }
  if (query.error && query.data === undefined) {
    return (
      <div className={className}>
        {empty !== undefined && isNoSession(query.error) ? (
          empty
        ) : (
          <ErrorNotice
            error={query.error}
            onAction={
              describeError(query.error).action === 'reconnect'
                ? onReconnect
                : () => void query.refetch()
            }
          />
        )}
      </div>
    )
  }
  return null
}
