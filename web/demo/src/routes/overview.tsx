import { AccountList, EmptyState, useSession } from '@mhkit/react'
import { ConnectButtons } from '../components/connect-buttons'
import { DataProblem } from '../components/data-problem'
import { Link } from '../link'
import { toConnections } from '../to-connections'

/** Start page: connect a bank when signed out, a balance summary when signed in. */
export function OverviewScreen() {
  const session = useSession()
  if (session.isPending) return <p className="demo-muted">Checking your session…</p>
  if (session.isError)
    return (
      <DataProblem error={session.error} what="your money" onRetry={() => void session.refetch()} />
    )
  if (!session.data.authenticated) {
    return (
      <section className="demo-panel demo-hero" aria-labelledby="overview-heading">
        <h1 id="overview-heading">Connect your bank</h1>
        <p>
          See your accounts, balances and transactions in one place. You choose your bank and
          approve access on its own pages; this app never sees your bank password or any token.
        </p>
        <ConnectButtons />
      </section>
    )
  }
  const connections = session.data.connections ?? []
  return (
    <>
      <section className="demo-panel" aria-labelledby="overview-heading">
        <h1 id="overview-heading">Your money</h1>
        <p className="demo-muted">
          {connections.length === 1 ? '1 bank connected' : `${connections.length} banks connected`}
          {' · '}
          <Link to="/connections">Manage connections</Link>
        </p>
        {/* Signed in with no accounts: the section below is the way to add one. */}
        <AccountList label="Balances" onReconnect={toConnections}>
          <EmptyState title="No accounts yet" />
        </AccountList>
      </section>
      <section className="demo-panel" aria-labelledby="add-bank-heading">
        <h2 id="add-bank-heading">Add another bank</h2>
        <ConnectButtons label="Connect another bank" />
      </section>
    </>
  )
}
