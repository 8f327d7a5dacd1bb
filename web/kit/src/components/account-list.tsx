import type { ReactNode } from 'react'
import type { Account } from '../api/contract'
import { useAccounts } from '../hooks/use-accounts'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import { formatMoney } from '../format/format-money'
import { useMessages } from '../messages/use-messages'
import { ConnectBankButton } from './connect-bank-button'

/** Props of {@link AccountList}. */
export interface AccountListProps {
  className?: string
  /** Accessible name of the list. Default "Your accounts". */
  label?: string
  /** Replaces the content of each list item. */
  renderAccount?: (account: Account) => ReactNode
  /**
   * Replaces the empty state, shown when there are no accounts or no session yet (default: "No
   * accounts yet. Connect a bank to see them here." and a `<ConnectBankButton>`).
   */
  children?: ReactNode
  /**
   * Where a person goes to reconnect when the accounts cannot be read until they do (an
   * expired consent), e.g. your connections page with its `<ReconnectButton>`s. Without it that
   * error shows its message and no button.
   */
  onReconnect?: () => void
}

function AccountItem({ account }: { account: Account }) {
  const last4 = account.details?.accountNumberLast4
  return (
    <>
      <span className="mhkit-account__name">{account.name}</span>
      <span className="mhkit-account__provider">
        {account.providerName}
        {last4 ? ` ·· ${last4}` : ''}
      </span>
      <span className="mhkit-account__balance mhkit-money">
        {formatMoney(account.balance.amount)}
      </span>
    </>
  )
}

/**
 * The user's accounts with provider, masked number and balance (formatted from minor units),
 * wrapping {@link useAccounts}. Shows a loading status, actionable errors, and an empty state
 * that invites connecting a bank — also to a browser without a session, instead of an error.
 */
export function AccountList({
  className,
  label,
  renderAccount,
  children,
  onReconnect,
}: AccountListProps) {
  const query = useAccounts()
  const m = useMessages()
  const { data, isFetching } = query
  const classes = cx('mhkit-accounts', className)
  const empty = children ?? (
    <div className="mhkit-empty">
      <p>{m.accountsEmpty ?? 'No accounts yet. Connect a bank to see them here.'}</p>
      <ConnectBankButton />
    </div>
  )
  const gate = queryGate(
    query,
    classes,
    m.accountsLoading ?? 'Loading accounts…',
    empty,
    onReconnect,
  )
  if (gate !== null || data === undefined) return gate
  if (data.data.length === 0) return <div className={classes}>{empty}</div>
  return (
    <ul
      className={classes}
      aria-label={label ?? m.accountsLabel ?? 'Your accounts'}
      aria-busy={isFetching}
    >
      {data.data.map((account) => (
        <li key={account.id} className="mhkit-account">
          {renderAccount ? renderAccount(account) : <AccountItem account={account} />}
        </li>
      ))}
    </ul>
  )
}
