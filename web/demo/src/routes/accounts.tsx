import { AccountList } from '@mhkit/react'
import { ConnectInvitation } from '../components/connect-invitation'
import { toConnections } from '../to-connections'

/** Accounts across every connected bank, with their latest balances: the kit's AccountList. */
export function AccountsScreen() {
  return (
    <section className="demo-panel" aria-labelledby="accounts-heading">
      <h1 id="accounts-heading">Accounts</h1>
      <AccountList label="Accounts" onReconnect={toConnections}>
        <ConnectInvitation title="No accounts yet" what="your accounts" />
      </AccountList>
    </section>
  )
}
