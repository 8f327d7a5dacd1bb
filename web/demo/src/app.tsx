import { useLogout, useSession } from '@mhkit/react'
import { EventLogPanel, useEventLog } from './event-log'
import { Link } from './link'
import { matchRoute, navigate, navRoutes, usePathname, type RouteName } from './router'
import { AccountsScreen } from './routes/accounts'
import { CallbackScreen } from './routes/callback'
import { ConnectionsScreen } from './routes/connections'
import { NotFoundScreen } from './routes/not-found'
import { OverviewScreen } from './routes/overview'
import { PayScreen } from './routes/pay'
import { PaymentScreen } from './routes/payment'
import { PaymentsScreen } from './routes/payments'
import { RecurringPaymentsScreen } from './routes/recurring-payments'
import { StandingOrdersScreen } from './routes/standing-orders'
import { TransactionsScreen } from './routes/transactions'
import { useTheme } from './theme'

function Screen({ route }: { readonly route: RouteName }) {
  switch (route) {
    case 'overview':
      return <OverviewScreen />
    case 'accounts':
      return <AccountsScreen />
    case 'transactions':
      return <TransactionsScreen />
    case 'connections':
      return <ConnectionsScreen />
    case 'pay':
      return <PayScreen />
    case 'payments':
      return <PaymentsScreen />
    case 'payment':
      return <PaymentScreen />
    case 'recurring-payments':
      return <RecurringPaymentsScreen />
    case 'standing-orders':
      return <StandingOrdersScreen />
    case 'callback':
      return <CallbackScreen />
    case 'not-found':
      return <NotFoundScreen />
  }
}

function SessionStatus() {
  const session = useSession()
  const logout = useLogout()
  const { record } = useEventLog()
  if (session.isPending) return <span className="demo-session">Checking session…</span>
  if (session.data?.authenticated !== true) {
    return (
      <span className="demo-session" role="status">
        Not signed in
      </span>
    )
  }
  return (
    <span className="demo-session">
      <span role="status">Signed in</span>
      <button
        type="button"
        className="demo-button"
        data-variant="secondary"
        disabled={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => {
              record('logout')
              navigate('/')
            },
          })
        }
      >
        Log out
      </button>
    </span>
  )
}

function ThemeToggle() {
  const { theme, next } = useTheme()
  return (
    <button
      type="button"
      className="demo-button"
      data-variant="secondary"
      aria-label={`Theme: ${theme}. Switch theme`}
      onClick={next}
    >
      {theme === 'dark' ? 'Dark' : theme === 'light' ? 'Light' : 'Auto'}
    </button>
  )
}

/** The demo: header with navigation and session, the current screen, and the event log. */
export function App() {
  const route = matchRoute(usePathname())
  return (
    <div className="demo-shell">
      <header className="demo-header">
        <div className="demo-brand">
          Connect Kit <span>demo</span>
        </div>
        <nav className="demo-nav" aria-label="Main">
          <ul>
            {navRoutes.map((item) => (
              <li key={item.path}>
                <Link to={item.path}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <SessionStatus />
        <ThemeToggle />
      </header>
      <div className="demo-layout">
        <main>
          <Screen route={route} />
        </main>
        <aside aria-label="Event log">
          <EventLogPanel />
        </aside>
      </div>
    </div>
  )
}
