import { useSyncExternalStore } from 'react'

/** The demo's screens. */
export type RouteName =
  | 'overview'
  | 'accounts'
  | 'transactions'
  | 'connections'
  | 'recurring-payments'
  | 'standing-orders'
  | 'callback'
  | 'not-found'

/** Paths of the screens that appear in the navigation, in order. */
export const navRoutes: readonly {
  readonly path: string
  readonly name: RouteName
  readonly label: string
}[] = [
  { path: '/', name: 'overview', label: 'Overview' },
  { path: '/accounts', name: 'accounts', label: 'Accounts' },
  { path: '/transactions', name: 'transactions', label: 'Transactions' },
  { path: '/connections', name: 'connections', label: 'Connections' },
  { path: '/recurring-payments', name: 'recurring-payments', label: 'Recurring payments' },
  { path: '/standing-orders', name: 'standing-orders', label: 'Standing orders' },
]

/** Where the BFF sends the browser back after a bank connection (`returnTo`). */
export const CALLBACK_PATH = '/callback'

/**
 * Maps a pathname onto a screen. A trailing slash is ignored; anything unknown is
 * `not-found` rather than silently the overview.
 *
 * @param pathname - `location.pathname`
 */
export function matchRoute(pathname: string): RouteName {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  if (path === CALLBACK_PATH) return 'callback'
  return navRoutes.find((route) => route.path === path)?.name ?? 'not-found'
}

// History changes made by this module, and by other code calling history.replaceState (the
// kit strips the callback query that way), are announced with this event; `popstate` covers
// back and forward.
const CHANGE = 'demo:navigate'

/**
 * Moves to a same-origin path without a page load.
 *
 * @param to - a path starting with a single `/`
 * @param options - `replace` swaps the current history entry instead of adding one
 * @throws TypeError when `to` is not a same-origin path
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (!to.startsWith('/') || to.startsWith('//'))
    throw new TypeError(`not a same-origin path: ${to}`)
  if (options.replace === true) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(CHANGE))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(CHANGE, onChange)
  }
}

const readPath = (): string => window.location.pathname

/**
 * The current pathname, re-rendering on navigation.
 *
 * @returns `location.pathname`
 */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, readPath, () => '/')
}
