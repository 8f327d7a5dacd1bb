import { useSyncExternalStore } from 'react'

/** The demo's screens. */
export type RouteName =
  | 'overview'
  | 'accounts'
  | 'transactions'
  | 'connections'
  | 'pay'
  | 'payments'
  | 'payment'
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
  { path: '/pay', name: 'pay', label: 'Pay' },
  { path: '/payments', name: 'payments', label: 'Payments' },
  { path: '/recurring-payments', name: 'recurring-payments', label: 'Recurring payments' },
  { path: '/standing-orders', name: 'standing-orders', label: 'Standing orders' },
]

/** The site name every page title ends with. */
const SITE_NAME = 'Connect Kit demo'

// Each screen's name in the page title; screens outside the navigation are named here.
const screenTitles: Readonly<Partial<Record<RouteName, string>>> = {
  payment: 'Payment',
  callback: 'Finishing up',
  'not-found': 'Page not found',
}

/**
 * The document title of a screen, e.g. "Accounts · Connect Kit demo", so each page is told
 * apart in the tab strip, the history list and a screen reader's page announcement.
 *
 * @param name - the screen
 * @param detail - a more precise name the screen knows once loaded (the callback's outcome)
 */
export function routeTitle(name: RouteName, detail?: string): string {
  const screen =
    detail ?? navRoutes.find((route) => route.name === name)?.label ?? screenTitles[name] ?? name
  return `${screen} · ${SITE_NAME}`
}

/** Screens whose path carries parameters (`:name` matches one non-empty segment). */
const paramRoutes: readonly { readonly pattern: string; readonly name: RouteName }[] = [
  { pattern: '/payments/:id', name: 'payment' },
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
  const path = trimSlash(pathname)
  if (path === CALLBACK_PATH) return 'callback'
  const fixed = navRoutes.find((route) => route.path === path)
  if (fixed !== undefined) return fixed.name
  return (
    paramRoutes.find((route) => matchPath(route.pattern, path) !== undefined)?.name ?? 'not-found'
  )
}

function trimSlash(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
}

/**
 * Matches a pathname against a pattern such as `/payments/:id`: each `:name` takes exactly
 * one non-empty segment, percent-decoded; a trailing slash is ignored.
 *
 * @param pattern - the route pattern
 * @param pathname - `location.pathname`
 * @returns the parameters by name, or `undefined` when the path does not match (or a segment
 *   is not valid percent-encoding)
 */
export function matchPath(
  pattern: string,
  pathname: string,
): Readonly<Record<string, string>> | undefined {
  const want = pattern.split('/')
  const have = trimSlash(pathname).split('/')
  if (want.length !== have.length) return undefined
  const params: Record<string, string> = {}
  for (const [index, part] of want.entries()) {
    const segment = have[index] ?? ''
    if (!part.startsWith(':')) {
      if (part !== segment) return undefined
      continue
    }
    if (segment === '') return undefined
    try {
      params[part.slice(1)] = decodeURIComponent(segment)
    } catch {
      return undefined
    }
  }
  return params
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

/**
 * The parameters of the current path under `pattern`, re-rendering on navigation.
 *
 * @param pattern - e.g. `/payments/:id`
 * @returns the parameters, or `undefined` when the current path does not match
 */
export function useRouteParams(pattern: string): Readonly<Record<string, string>> | undefined {
  return matchPath(pattern, usePathname())
}
