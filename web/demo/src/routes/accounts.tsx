import { useAccounts } from '@mhkit/react'
import { DataProblem } from '../components/data-problem'
import { formatAmount, formatDate } from '../format'
import { Link } from '../link'

/** Accounts across every connected bank, with their latest balances. */
export function AccountsScreen() {
  const accounts = useAccounts()
  return (
    <section className="demo-panel" aria-labelledby="accounts-heading">
      <h1 id="accounts-heading">Accounts</h1>
      {accounts.isPending ? <p className="demo-muted">Loading accounts…</p> : null}
      {accounts.isError ? (
        <DataProblem
          error={accounts.error}
          what="your accounts"
          onRetry={() => void accounts.refetch()}
        />
      ) : null}
      {accounts.data !== undefined && accounts.data.data.length === 0 ? (
        <p className="demo-muted">
          No accounts yet. <Link to="/">Connect a bank</Link> to see them here.
        </p>
      ) : null}
      {accounts.data !== undefined && accounts.data.data.length > 0 ? (
        <ul className="demo-cards" aria-label="Accounts">
          {accounts.data.data.map((account) => (
            <li key={account.id} className="demo-card" aria-label={account.name}>
              <h2>{account.name}</h2>
              <p className="demo-muted">
                {account.providerName}
                {account.details?.accountNumberLast4 === undefined
                  ? null
                  : ` ·••• ${account.details.accountNumberLast4}`}
              </p>
              <p className="demo-amount" aria-label={`Balance of ${account.name}`}>
                {formatAmount(account.balance.amount)}
              </p>
              <p className="demo-muted">as of {formatDate(account.balance.date)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
