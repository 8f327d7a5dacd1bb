import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Link } from './link'
import { matchPath, matchRoute, navigate, routeTitle, usePathname, useRouteParams } from './router'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function CurrentPath() {
  return <output>{usePathname()}</output>
}

let container: HTMLDivElement
let root: Root

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

describe('matchRoute', () => {
  it('maps each navigation path and the callback path onto its screen', () => {
    expect(matchRoute('/')).toBe('overview')
    expect(matchRoute('/accounts')).toBe('accounts')
    expect(matchRoute('/transactions')).toBe('transactions')
    expect(matchRoute('/connections')).toBe('connections')
    expect(matchRoute('/callback')).toBe('callback')
  })

  it('ignores a trailing slash', () => {
    expect(matchRoute('/accounts/')).toBe('accounts')
  })

  it('answers not-found for unknown paths instead of falling back to the overview', () => {
    expect(matchRoute('/accounts/extra')).toBe('not-found')
    expect(matchRoute('/api/session')).toBe('not-found')
  })
})

describe('path parameters', () => {
  it('maps the payment pages, with and without an id, onto their screens', () => {
    expect(matchRoute('/pay')).toBe('pay')
    expect(matchRoute('/payments')).toBe('payments')
    expect(matchRoute('/payments/pay-123')).toBe('payment')
    expect(matchRoute('/payments/pay-123/')).toBe('payment')
  })

  it('takes exactly one non-empty segment per parameter', () => {
    expect(matchPath('/payments/:id', '/payments/abc')).toEqual({ id: 'abc' })
    expect(matchPath('/payments/:id', '/payments/')).toBeUndefined()
    expect(matchPath('/payments/:id', '/payments/a/b')).toBeUndefined()
    expect(matchPath('/payments/:id', '/paymentsX/a')).toBeUndefined()
    expect(matchRoute('/payments/a/refund')).toBe('not-found')
  })

  it('percent-decodes a parameter and refuses a malformed encoding', () => {
    expect(matchPath('/payments/:id', '/payments/a%20b')).toEqual({ id: 'a b' })
    expect(matchPath('/payments/:id', '/payments/%E0%A4%A')).toBeUndefined()
  })

  it('re-renders with the new parameter on navigation', () => {
    function CurrentId() {
      return <output>{useRouteParams('/payments/:id')?.id ?? 'none'}</output>
    }
    act(() => root.render(<CurrentId />))
    expect(container.textContent).toBe('none')
    act(() => navigate('/payments/p-1'))
    expect(container.textContent).toBe('p-1')
    act(() => navigate('/payments/p-2'))
    expect(container.textContent).toBe('p-2')
  })
})

describe('navigate', () => {
  it('refuses protocol-relative and absolute targets, which would leave the origin', () => {
    expect(() => navigate('//evil.example/')).toThrow(TypeError)
    expect(() => navigate('https://evil.example/')).toThrow(TypeError)
    expect(window.location.pathname).toBe('/')
  })

  it('pushes a history entry and re-renders subscribers', () => {
    act(() => root.render(<CurrentPath />))
    expect(container.textContent).toBe('/')
    const before = window.history.length
    act(() => navigate('/accounts'))
    expect(container.textContent).toBe('/accounts')
    expect(window.history.length).toBe(before + 1)
  })

  it('replaces the current entry when asked', () => {
    act(() => root.render(<CurrentPath />))
    const before = window.history.length
    act(() => navigate('/connections', { replace: true }))
    expect(container.textContent).toBe('/connections')
    expect(window.history.length).toBe(before)
  })
})

describe('Link', () => {
  it('navigates in place on a plain click and marks the current page', () => {
    act(() =>
      root.render(
        <>
          <Link to="/transactions">Transactions</Link>
          <CurrentPath />
        </>,
      ),
    )
    const link = container.querySelector('a')
    expect(link?.getAttribute('aria-current')).toBeNull()
    act(() => {
      link?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }))
    })
    expect(window.location.pathname).toBe('/transactions')
    expect(container.querySelector('output')?.textContent).toBe('/transactions')
    expect(link?.getAttribute('aria-current')).toBe('page')
  })

  it('leaves modifier clicks to the browser (open in a new tab)', () => {
    act(() => root.render(<Link to="/accounts">Accounts</Link>))
    const click = new MouseEvent('click', {
      bubbles: true,
      cancelable: true,
      button: 0,
      ctrlKey: true,
    })
    let preventedByLink: boolean | undefined
    // Runs after React's handler; stops jsdom from attempting the real navigation.
    const observe = (event: Event): void => {
      preventedByLink = event.defaultPrevented
      event.preventDefault()
    }
    document.addEventListener('click', observe)
    act(() => {
      container.querySelector('a')?.dispatchEvent(click)
    })
    document.removeEventListener('click', observe)
    expect(preventedByLink).toBe(false)
    expect(window.location.pathname).toBe('/')
  })
})

describe('routeTitle', () => {
  it('names each screen before the site name', () => {
    expect(routeTitle('accounts')).toBe('Accounts · Connect Kit demo')
    expect(routeTitle('recurring-payments')).toBe('Recurring payments · Connect Kit demo')
    expect(routeTitle('payment')).toBe('Payment · Connect Kit demo')
    expect(routeTitle('not-found')).toBe('Page not found · Connect Kit demo')
  })

  it('uses the more precise name a screen knows, such as the callback outcome', () => {
    expect(routeTitle('callback')).toBe('Finishing up · Connect Kit demo')
    expect(routeTitle('callback', 'Bank connected')).toBe('Bank connected · Connect Kit demo')
  })
})
