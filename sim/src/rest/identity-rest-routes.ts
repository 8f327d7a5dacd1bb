import { Hono } from 'hono'

import { bankListRoutes } from './bank-list-routes'
import { paymentRoutes } from './payment-routes'
import { recurringPaymentRoutes } from './recurring-payment-routes'
import type { IdentityRestDeps } from './rest-context'
import { userRoutes } from './user-routes'

export type { IdentityRestDeps } from './rest-context'

/**
 * Identity-host REST resources as Moneyhub serves them, for client-level `client_credentials`
 * tokens without `sub`: users, connections, payees, payments, standing-order requests, VRP
 * consents, and the `/oidc/.well-known/*-connections` bank lists (no authentication).
 * Errors use the data-API body `{ code, message, correlationId }`.
 *
 * @param deps - Provider accessor, state, fixtures, faults, clock and grant revocation.
 * @returns A Hono app mounted at the identity host's root.
 * @see https://docs.moneyhubenterprise.com/docs/client-credentials-token
 */
export function identityRestRoutes(deps: IdentityRestDeps) {
  const app = new Hono()
  app.route('/', bankListRoutes(deps))
  app.route('/', userRoutes(deps))
  app.route('/', paymentRoutes(deps))
  app.route('/', recurringPaymentRoutes(deps))
  return app
}
