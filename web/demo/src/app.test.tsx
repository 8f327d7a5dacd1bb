import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createBffClient, MhkitProvider } from '@mhkit/react'
import { act, StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from './app'
import { EventLogProvider } from './event-log'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

interface Call {
  url: string
  headers: Record<string, string>
}

// The HTTP boundary of the kit: a signed-out BFF. As the real one, it answers the session and
// the bank list without a session (an empty list here) and everything else with 401.
function signedOutBff(calls: Call[]): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    calls.push({ url, headers: { ...(init?.headers as Record<string, string>) } })
    const path = url.split('?')[0]
    const open = path === '/api/session' || path === '/api/banks'
    const body =
      path === '/api/session'
        ? { authenticated: false }
        : path === '/api/banks'
          ? { data: [] }
          : { error: { code: 'unauthenticated', message: 'No session.', correlationId: 'c-1' } }
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: open ? 200 : 401,
        headers: { 'content-type': 'application/json' },
      }),
    )
  }
}

let container: HTMLDivElement
let root: Root
let calls: Call[]

function renderAt(path: string): void {
  window.history.replaceState(null, '', path)
  calls = []
  const client = createBffClient({ fetch: signedOutBff(calls) })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  act(() => {
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <MhkitProvider client={client}>
            <EventLogProvider>
              <App />
            </EventLogProvider>
          </MhkitProvider>
        </QueryClientProvider>
      </StrictMode>,
    )
  })
}

// Lets queued fetches and renders run, one macrotask at a time, until `done()` holds; no
// fixed delay decides the outcome.
// Waits for a condition, not for a number of ticks: the kit loads its response schemas
// lazily, and on a cold test run that chunk takes a while to transform.
async function settle(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done() && Date.now() < deadline) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
  }
}

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

describe('App layout', () => {
  it('shows the navigation, the signed-out state and the connect buttons on the overview', async () => {
    renderAt('/')
    await settle(() => container.querySelector('h1') !== null)
    const links = [...container.querySelectorAll('nav a')].map((a) => a.textContent)
    expect(links).toEqual([
      'Overview',
      'Accounts',
      'Transactions',
      'Connections',
      'Pay',
      'Payments',
      'Recurring payments',
      'Standing orders',
    ])
    expect(container.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Overview')
    expect(container.querySelector('h1')?.textContent).toBe('Connect your bank')
    expect(container.textContent).toContain('Not signed in')
    const buttons = [...container.querySelectorAll('main button')].map((b) => b.textContent)
    expect(buttons).toEqual(['Connect a bank', 'Connect in a popup'])
    expect(container.querySelector('output')?.textContent).toBe('0')
  })

  it('calls the BFF with the CSRF header and never with anything but same-origin paths', async () => {
    renderAt('/')
    await settle(() => calls.length > 0)
    expect(calls.length).toBeGreaterThan(0)
    for (const call of calls) {
      expect(call.url.startsWith('/api/')).toBe(true)
      expect(call.headers['X-CSRF']).toBe('1')
    }
  })

  it('renders the callback route with nothing to finish when there is no flow', async () => {
    renderAt('/callback')
    await settle(() => container.querySelector('h1') !== null)
    expect(container.querySelector('h1')?.textContent).toBe('Nothing to finish here')
    expect(container.textContent).toContain('There is no bank connection to finish here.')
  })

  it('shows a not-found page for unknown paths', () => {
    renderAt('/nowhere')
    expect(container.querySelector('h1')?.textContent).toBe('Page not found')
  })

  it('invites a connection instead of showing an error when a data screen has no session', async () => {
    renderAt('/accounts')
    // Every read has answered: the invitation, and the bank list inside it (answered, empty).
    await settle(
      () =>
        container.querySelector('.demo-invitation') !== null &&
        calls.some((call) => call.url.startsWith('/api/banks')) &&
        container.querySelector('[aria-busy="true"]') === null,
    )
    expect(container.querySelector('[role="alert"]')).toBeNull()
    expect(container.querySelector('.demo-invitation')?.textContent).toContain(
      'Connect a bank to see your accounts here.',
    )
    const buttons = [...container.querySelectorAll('main button')].map((b) => b.textContent)
    expect(buttons).toContain('Connect a bank')
  })

  it('puts a skip link first, pointing at the focusable main region', async () => {
    renderAt('/')
    await settle(() => container.querySelector('h1') !== null)
    const first = container.querySelector('a, button')
    expect(first?.textContent).toBe('Skip to main content')
    expect(first?.getAttribute('href')).toBe('#main')
    expect(container.querySelector('main#main')?.getAttribute('tabindex')).toBe('-1')
  })

  it('titles each screen and moves focus to its heading after a navigation, not on load', async () => {
    renderAt('/')
    await settle(() => container.querySelector('h1') !== null)
    expect(document.title).toBe('Overview · Connect Kit demo')
    const nav = [...container.querySelectorAll<HTMLAnchorElement>('nav a')]
    const accounts = nav.find((a) => a.textContent === 'Accounts')
    accounts?.focus()
    expect(document.activeElement).toBe(accounts)
    act(() => accounts?.click())
    await settle(() => document.activeElement?.tagName === 'H1')
    expect(document.title).toBe('Accounts · Connect Kit demo')
    expect(document.activeElement?.textContent).toBe('Accounts')
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1')
    expect(container.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Accounts')
  })

  it('folds the navigation behind a Menu disclosure that closes after a navigation', async () => {
    renderAt('/')
    await settle(() => container.querySelector('h1') !== null)
    const menu = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Menu')
    const nav = container.querySelector('nav')
    expect(menu?.getAttribute('aria-expanded')).toBe('false')
    expect(menu?.getAttribute('aria-controls')).toBe('demo-nav-list')
    act(() => menu?.click())
    expect(menu?.getAttribute('aria-expanded')).toBe('true')
    expect(nav?.getAttribute('data-open')).toBe('true')
    const pay = [...container.querySelectorAll<HTMLAnchorElement>('nav a')].find(
      (a) => a.textContent === 'Pay',
    )
    act(() => pay?.click())
    await settle(() => menu?.getAttribute('aria-expanded') === 'false')
    expect(menu?.getAttribute('aria-expanded')).toBe('false')
  })
})
