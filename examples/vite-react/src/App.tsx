import { AccountList, ConnectBankButton, ConnectCallback, useSession } from '@mhkit/react'

export default function App() {
  const session = useSession()
  return (
    <main>
      <h1>My budgeting app</h1>
      {/* Finishes a connect when the bank sends the person back here; renders nothing otherwise. */}
      <ConnectCallback />
      <ConnectBankButton returnTo="/">Connect a bank</ConnectBankButton>
      {session.data?.authenticated ? <AccountList /> : <p>Connect a bank to see your accounts.</p>}
    </main>
  )
}
