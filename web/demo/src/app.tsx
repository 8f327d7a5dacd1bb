import { SessionSync } from '@mhkit/react'
import { EventLogPanel } from './event-log'
import { useRef } from 'react'
import { matchRoute, usePathname, type RouteName } from './router'
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
import { SESSION_CHANNEL, useHostSignInSync } from './session-channel'
import { SessionControls } from './session-controls'
import { SiteHeader } from './site-header'
import { useTheme } from './theme'
import { useRouteAnnouncer } from './use-route-announcer'

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

/**
 * The demo: a skip link, the header with navigation, session and theme, the current screen
 * and the developer panel. Each navigation titles the page and moves focus to its heading.
 */
export function App() {
  const pathname = usePathname()
  const route = matchRoute(pathname)
  const main = useRef<HTMLElement>(null)
  useRouteAnnouncer(route, pathname, main)
  useHostSignInSync()
  return (
    <div className="demo-shell">
      <a className="demo-skip" href="#main">
        Skip to main content
      </a>
      <SiteHeader>
        <SessionControls />
        <ThemeToggle />
      </SiteHeader>
      <main id="main" ref={main} tabIndex={-1}>
        <Screen route={route} />
      </main>
      <EventLogPanel />
      <SessionSync channel={SESSION_CHANNEL} />
    </div>
  )
}
