import { describeError, ErrorNotice, isBffError, toBffError } from '@mhkit/react'
import { ConnectButtons } from './connect-buttons'
import { useLoggedConnect } from './use-logged-connect'

// Not signed in is not a failure on a data screen: it is the moment to invite a connection.
const SIGNED_OUT = new Set(['unauthenticated', 'session_expired'])

/**
 * What a data screen shows when its query failed: an invitation to connect a bank when nobody
 * is signed in, otherwise the kit's {@link ErrorNotice} with its action wired — "Reconnect your
 * bank" starts a new connection, "Try again" refetches (after the wait the BFF asked for, which
 * the notice states).
 *
 * @param props.error - the query's error
 * @param props.what - what the screen would show, for the empty state ("your accounts")
 * @param props.onRetry - refetches the query
 */
export function DataProblem({
  error,
  what,
  onRetry,
}: {
  readonly error: unknown
  readonly what: string
  readonly onRetry: () => void
}) {
  const reconnect = useLoggedConnect({ mode: 'redirect' })
  if (isBffError(error) && SIGNED_OUT.has(error.code)) {
    return (
      <div className="demo-empty">
        <p>Connect a bank to see {what} here.</p>
        <ConnectButtons />
      </div>
    )
  }
  // Anything else (a bug, a lost connection) is worded by the kit as well.
  const failure = toBffError(error)
  const action = describeError(failure).action
  return (
    <ErrorNotice
      error={failure}
      onAction={
        action === 'reconnect' || action === 'start-again'
          ? () => void reconnect.start().catch(() => undefined)
          : onRetry
      }
    />
  )
}
