import { useConnections } from '../hooks/use-connections'
import { useConsentReminders } from '../hooks/use-consent-reminders'
import { cx } from '../internal/class-names'
import { useMessages } from '../messages/use-messages'
import { ReconnectButton } from './reconnect-button'

/** Props of {@link RenewConsentPrompt}. */
export interface RenewConsentPromptProps {
  className?: string
}

/**
 * Asks the user to renew a connection's consent when live updates brought a reauth or refresh
 * reminder for it: the bank's name, a {@link ReconnectButton} and a dismiss button. Renders
 * nothing without reminders (or without `moneyhubLiveUpdates()` on the provider).
 */
export function RenewConsentPrompt({ className }: RenewConsentPromptProps) {
  const { reminders, dismiss } = useConsentReminders()
  const connections = useConnections()
  const m = useMessages()
  const list = connections.data?.data ?? []
  const due = list.filter((c) => reminders.some((r) => r.connectionId === c.id))
  if (due.length === 0) return null
  return (
    <div className={cx('mhkit-renew-consent', className)}>
      {due.map((connection) => (
        <div key={connection.id} role="alert" className="mhkit-renew-consent__item">
          <p>
            {m.renewConsent?.(connection.bankName) ??
              `Renew your consent for ${connection.bankName} to keep your data up to date.`}
          </p>
          <ReconnectButton connection={connection} />
          <button type="button" className="mhkit-button" onClick={() => dismiss(connection.id)}>
            {m.renewConsentDismiss ?? 'Not now'}
          </button>
        </div>
      ))}
    </div>
  )
}
