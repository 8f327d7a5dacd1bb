/** HTTP methods used by the BFF contract. */
export type ApiMethod = 'GET' | 'POST' | 'DELETE'

/** One BFF route of the browser-facing contract. */
export interface ApiRoute {
  readonly method: ApiMethod
  /** Hono-style path with `:param` placeholders. */
  readonly path: string
  /** Requires a session: without one the route answers 401 `unauthenticated`. */
  readonly auth: boolean
  /**
   * Requires `X-CSRF: 1` (docs/security.md C1). Every `/api/*` route does except the OAuth
   * `redirect_uri` `/api/callback`, which the bank's redirect reaches as a plain navigation,
   * and the bank logos `/api/banks/:bankId/icon`, which an `<img>` loads (public, no session
   * data); the non-`/api` operational routes are outside the browser API.
   */
  readonly csrf: boolean
}

/**
 * Every route of the BFF HTTP contract (docs/architecture.md §3, plus
 * `GET /api/banks` and the BFF's OpenAPI description `GET /api/openapi.json`). The BFF's route-walking test uses it to prove that every `csrf` route
 * refuses a request without `X-CSRF: 1` (docs/security.md C7) and every `auth` route refuses a
 * request without a session.
 *
 * `auth` is about the route as a whole: `POST /api/connect` and the payment starts
 * (`POST /api/payments`, `/api/recurring-payments`, `/api/standing-orders`) work without a
 * session (a first connection or an anonymous payer; a payment start opens a session), and the flow kinds that act on
 * an existing connection answer `unauthenticated` from inside the route.
 */
export const apiRoutes = [
  { method: 'GET', path: '/api/session', auth: false, csrf: true },
  { method: 'POST', path: '/api/connect', auth: false, csrf: true },
  { method: 'GET', path: '/api/callback', auth: false, csrf: false },
  { method: 'GET', path: '/api/flows/:flowId', auth: false, csrf: true },
  { method: 'GET', path: '/api/banks', auth: false, csrf: true },
  // An <img> loads it, so it cannot send X-CSRF; it serves public bank logos only.
  { method: 'GET', path: '/api/banks/:bankId/icon', auth: false, csrf: false },
  { method: 'GET', path: '/api/accounts', auth: true, csrf: true },
  { method: 'GET', path: '/api/accounts/:id', auth: true, csrf: true },
  { method: 'GET', path: '/api/transactions', auth: true, csrf: true },
  { method: 'GET', path: '/api/connections', auth: true, csrf: true },
  { method: 'DELETE', path: '/api/connections/:id', auth: true, csrf: true },
  { method: 'POST', path: '/api/payments', auth: false, csrf: true },
  { method: 'GET', path: '/api/payments', auth: true, csrf: true },
  { method: 'GET', path: '/api/payments/:id', auth: true, csrf: true },
  { method: 'POST', path: '/api/payments/:id/refund', auth: true, csrf: true },
  { method: 'GET', path: '/api/payees', auth: true, csrf: true },
  { method: 'POST', path: '/api/recurring-payments', auth: false, csrf: true },
  { method: 'GET', path: '/api/recurring-payments', auth: true, csrf: true },
  { method: 'GET', path: '/api/recurring-payments/:id', auth: true, csrf: true },
  { method: 'POST', path: '/api/recurring-payments/:id/pay', auth: true, csrf: true },
  {
    method: 'POST',
    path: '/api/recurring-payments/:id/funds-confirmation',
    auth: true,
    csrf: true,
  },
  { method: 'DELETE', path: '/api/recurring-payments/:id', auth: true, csrf: true },
  { method: 'POST', path: '/api/standing-orders', auth: false, csrf: true },
  { method: 'GET', path: '/api/standing-orders', auth: true, csrf: true },
  { method: 'GET', path: '/api/standing-orders/:id', auth: true, csrf: true },
  { method: 'POST', path: '/api/logout', auth: false, csrf: true },
  { method: 'GET', path: '/api/events', auth: true, csrf: true },
  { method: 'GET', path: '/api/openapi.json', auth: false, csrf: true },
  { method: 'GET', path: '/.well-known/jwks.json', auth: false, csrf: false },
  { method: 'POST', path: '/webhooks/moneyhub', auth: false, csrf: false },
  { method: 'GET', path: '/healthz', auth: false, csrf: false },
  { method: 'GET', path: '/readyz', auth: false, csrf: false },
] as const satisfies readonly ApiRoute[]

/**
 * Routes whose schemas exist but which the BFF does not serve yet; empty now. When a route
 * moves into {@link apiRoutes}, it leaves this list.
 */
export const plannedApiRoutes = [] as const satisfies readonly ApiRoute[]

const segment = (value: string) => encodeURIComponent(value)

/**
 * Builders of the browser-side request paths, with every id percent-encoded as one segment.
 * Ids should already have passed their schema; the encoding is a second line of defence.
 */
export const apiPaths = {
  session: () => '/api/session',
  connect: () => '/api/connect',
  flow: (flowId: string) => `/api/flows/${segment(flowId)}`,
  banks: () => '/api/banks',
  bankIcon: (bankId: string) => `/api/banks/${segment(bankId)}/icon`,
  accounts: () => '/api/accounts',
  account: (id: string) => `/api/accounts/${segment(id)}`,
  transactions: () => '/api/transactions',
  connections: () => '/api/connections',
  connection: (id: string) => `/api/connections/${segment(id)}`,
  payments: () => '/api/payments',
  payment: (id: string) => `/api/payments/${segment(id)}`,
  paymentRefund: (id: string) => `/api/payments/${segment(id)}/refund`,
  payees: () => '/api/payees',
  standingOrders: () => '/api/standing-orders',
  standingOrder: (id: string) => `/api/standing-orders/${segment(id)}`,
  recurringPayments: () => '/api/recurring-payments',
  recurringPayment: (id: string) => `/api/recurring-payments/${segment(id)}`,
  recurringPaymentPay: (id: string) => `/api/recurring-payments/${segment(id)}/pay`,
  recurringPaymentFundsConfirmation: (id: string) =>
    `/api/recurring-payments/${segment(id)}/funds-confirmation`,
  logout: () => '/api/logout',
  events: () => '/api/events',
} as const
