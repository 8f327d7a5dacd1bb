import { describe, expect, it } from 'vitest'
import { apiPaths, apiRoutes, plannedApiRoutes } from './routes'

const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`

describe('apiRoutes', () => {
  it('lists every route of the BFF contract once', () => {
    expect(apiRoutes.map(key).sort()).toEqual(
      [
        'GET /api/session',
        'POST /api/connect',
        'GET /api/callback',
        'GET /api/flows/:flowId',
        'GET /api/banks',
        'GET /api/banks/:bankId/icon',
        'GET /api/accounts',
        'GET /api/accounts/:id',
        'GET /api/transactions',
        'GET /api/connections',
        'DELETE /api/connections/:id',
        'POST /api/payments',
        'GET /api/payments',
        'GET /api/payments/:id',
        'POST /api/payments/:id/refund',
        'GET /api/payees',
        'POST /api/recurring-payments',
        'GET /api/recurring-payments',
        'GET /api/recurring-payments/:id',
        'POST /api/recurring-payments/:id/pay',
        'POST /api/recurring-payments/:id/funds-confirmation',
        'DELETE /api/recurring-payments/:id',
        'POST /api/standing-orders',
        'GET /api/standing-orders',
        'GET /api/standing-orders/:id',
        'POST /api/logout',
        'GET /api/events',
        'POST /webhooks/moneyhub',
        'GET /api/openapi.json',
        'GET /.well-known/jwks.json',
        'GET /healthz',
        'GET /readyz',
      ].sort(),
    )
    expect(new Set(apiRoutes.map(key)).size).toBe(apiRoutes.length)
    // Every route of the contract is served: nothing is left planned.
    expect(plannedApiRoutes).toEqual([])
  })

  it('requires X-CSRF on every /api route except the callback and bank logos, and nowhere else', () => {
    for (const route of [...apiRoutes, ...plannedApiRoutes]) {
      const expected =
        route.path.startsWith('/api/') &&
        route.path !== '/api/callback' &&
        route.path !== '/api/banks/:bankId/icon'
      expect(route.csrf, key(route)).toBe(expected)
    }
  })

  it('requires a session for user data routes', () => {
    const authed = apiRoutes.filter((route) => route.auth).map(key)
    expect(authed).toEqual(
      expect.arrayContaining([
        'GET /api/accounts',
        'GET /api/accounts/:id',
        'GET /api/transactions',
        'GET /api/connections',
        'DELETE /api/connections/:id',
        'GET /api/payments/:id',
      ]),
    )
    expect(authed).not.toContain('GET /api/callback')
    expect(authed).not.toContain('GET /api/session')
  })
})

describe('apiPaths', () => {
  it('encodes ids as a single path segment', () => {
    expect(apiPaths.account('a/../b')).toBe('/api/accounts/a%2F..%2Fb')
    expect(apiPaths.connection('abc:def')).toBe('/api/connections/abc%3Adef')
    expect(apiPaths.recurringPaymentPay('x?y')).toBe('/api/recurring-payments/x%3Fy/pay')
  })

  it('builds paths that match a listed route', () => {
    const patterns = [...apiRoutes, ...plannedApiRoutes].map(
      (route) => new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`),
    )
    const built = [
      apiPaths.session(),
      apiPaths.connect(),
      apiPaths.flow('f'),
      apiPaths.banks(),
      apiPaths.accounts(),
      apiPaths.account('a'),
      apiPaths.transactions(),
      apiPaths.connections(),
      apiPaths.connection('c'),
      apiPaths.payments(),
      apiPaths.payment('p'),
      apiPaths.standingOrders(),
      apiPaths.standingOrder('s'),
      apiPaths.recurringPayments(),
      apiPaths.recurringPayment('r'),
      apiPaths.recurringPaymentPay('r'),
      apiPaths.logout(),
    ]
    for (const path of built) {
      expect(
        patterns.some((pattern) => pattern.test(path)),
        path,
      ).toBe(true)
    }
  })
})
