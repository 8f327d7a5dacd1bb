import { describePaymentError, ErrorNotice, type FlowHandle } from '@mhkit/react'

/**
 * Where a payment-type redirect flow stands, for the flows a form started (its redirect and
 * popup variants): preparing, waiting in the popup (with Cancel), done, cancelled, or failed
 * with what happened to the money and a "Start again".
 */
export function FlowProgress({
  flows,
  what,
  succeeded,
  failedTitle,
}: {
  readonly flows: readonly FlowHandle<never>[]
  /** What is being set up, in words ("standing order"). */
  readonly what: string
  readonly succeeded: string
  readonly failedTitle: string
}) {
  const active = flows.find((flow) => flow.status !== 'idle')
  if (active === undefined) return null
  const state = active.state
  switch (state.status) {
    case 'preparing':
      return (
        <p className="demo-muted" role="status">
          Preparing a secure request to your bank…
        </p>
      )
    case 'awaiting-user':
      return (
        <p className="demo-actions" role="status">
          {state.mode === 'popup'
            ? `Approve the ${what} in the window that opened.`
            : 'Taking you to your bank…'}
          {state.mode === 'popup' ? (
            <button
              type="button"
              className="demo-button"
              data-variant="secondary"
              onClick={active.reset}
            >
              Cancel
            </button>
          ) : null}
        </p>
      )
    case 'completing':
      return (
        <p className="demo-muted" role="status">
          Finishing…
        </p>
      )
    case 'succeeded':
      return (
        <p className="demo-alert" data-tone="ok" role="status">
          {succeeded}
        </p>
      )
    case 'cancelled':
      return (
        <p className="demo-muted" role="status">
          Cancelled at your bank&rsquo;s window; nothing was set up. You can start again.
        </p>
      )
    case 'failed':
      return (
        <ErrorNotice error={state.error} describe={describePaymentError} onAction={active.reset}>
          <p className="demo-muted">{failedTitle}.</p>
        </ErrorNotice>
      )
    default:
      return null
  }
}
