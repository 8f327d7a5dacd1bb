import { EmptyState } from '@mhkit/react'
import { ConnectButtons } from './connect-buttons'

/**
 * The empty state of the demo's data screens, given to the kit's lists as their `children`:
 * nothing to show yet — or nobody signed in, which is not a failure but the moment to invite a
 * connection — with the demo's ways to connect a bank.
 *
 * @param props.title - e.g. "No accounts yet"
 * @param props.what - what the screen would show, e.g. "your accounts"
 */
export function ConnectInvitation({
  title,
  what,
}: {
  readonly title: string
  readonly what: string
}) {
  return (
    <EmptyState title={title} className="demo-invitation">
      <p>Connect a bank to see {what} here.</p>
      <ConnectButtons />
    </EmptyState>
  )
}
