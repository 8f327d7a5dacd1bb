import { ErrorNotice } from './error-notice'
import { useLoggedConnect } from './use-logged-connect'

/** The parts of a connection a reconnect needs. */
export interface ReconnectTarget {
  readonly id: string
  readonly bankName: string
  readonly status: string
  readonly reconsentAvailable?: boolean | undefined
}

/**
 * Renews an existing connection instead of creating a second one: the short reconsent journey
 * where Moneyhub offers it, otherwise a full reauthorisation.
 */
export function ReconnectButton({ connection }: { readonly connection: ReconnectTarget }) {
  const kind =
    connection.status === 'error' || connection.reconsentAvailable === false
      ? 'reauth'
      : 'reconsent'
  const flow = useLoggedConnect({ kind, connectionId: connection.id })
  const label = kind === 'reconsent' ? 'Renew consent' : 'Reconnect'
  return (
    <>
      <button
        type="button"
        className="demo-button"
        aria-label={`${label} for ${connection.bankName}`}
        disabled={flow.isBusy}
        onClick={() => void flow.start().catch(() => undefined)}
      >
        {label}
      </button>
      {flow.error === undefined ? null : (
        <ErrorNotice title={`Could not ${label.toLowerCase()}`} error={flow.error} />
      )}
    </>
  )
}
