import type { ReactNode } from 'react'
import type { BffError } from '../api/bff-error'
import type { Account } from '../api/contract'
import { useAccounts } from '../hooks/use-accounts'
import { cx } from '../internal/class-names'
import { formatMoney } from '../format/format-money'
import { ErrorNotice } from './error-notice'

/** Props of {@link AccountList}. */
export interface AccountListProps {
  className?: string
  /** Accessible name of the list. Default "Your accounts". */
  label?: string
  /** Replaces the content of each list item. */
  renderAccount?: (account: Account) => ReactNode
  /** Shown when there are no accounts (default: a hint to connect a bank). */
  children?: ReactNode
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
 * wrapping {@link useAccounts}. Shows a loading status, an empty state and actionable errors.
 */
export function AccountList({ className, label, renderAccount, children }: AccountListProps) {
  const { data, error, isPending, refetch, isFetching } = useAccounts()
  const classes = cx('mhkit-accounts', className)
  if (isPending) {
    return (
      <div className={classes} aria-busy="true">
        <p role="status" className="mhkit-progress">
          Loading accounts…
        </p>
      </div>
    )
  }
  if (error) {
    return (
      <div className={classes}>
        <ErrorNotice error={error as BffError} onAction={() => void refetch()} />
      </div>
    )
  }
  if (data.data.length === 0) {
    return (
      <div className={classes}>
        {children ?? (
          <p className="mhkit-empty">No accounts yet. Connect a bank to see them here.</p>
        )}
      </div>
    )
  }
  return (
    <ul className={classes} aria-label={label ?? 'Your accounts'} aria-busy={isFetching}>
      {data.data.map((account) => (
        <li key={account.id} className="mhkit-account">
          {renderAccount ? renderAccount(account) : <AccountItem account={account} />}
        </li>
      ))}
    </ul>
  )
}
