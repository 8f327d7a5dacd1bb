import type { z } from 'zod'
import { BffError } from './bff-error'
import type { paymentSchemas } from './payment-check-schemas'

/** The payment routes' answer checks (payment-schemas.ts), loaded lazily. */
type PaymentSchemas = typeof paymentSchemas

/** Names of the payment routes' answer schemas (`'payment'`, `'payments'`, `'payees'`, …). */
export type PaymentSchemaName = keyof PaymentSchemas

/** What a payment route answers once checked, by schema name. */
export type PaymentAnswer<Name extends PaymentSchemaName> = z.output<PaymentSchemas[Name]>

/** A schema the client loads only when a request needs it (see `BffRequest.schema`). */
export type LazySchema<Schema extends z.ZodType = z.ZodType> = () => Promise<Schema>

let pending: Promise<PaymentSchemas> | undefined

// Only the payment hooks call this, so an app without them has no path to the chunk (shared with
// the payment form checks) and its bundler emits none: the connect-and-data import set stays small (web/kit/README.md). A
// failed load is not remembered, as in load-contract-schemas.ts, so the next request retries.
function loadPaymentSchemas(): Promise<PaymentSchemas> {
  pending ??= import('./payment-check-schemas').then(
    (module) => module.paymentSchemas,
    (cause: unknown) => {
      pending = undefined
      throw new BffError('network_error', 'The checks for server answers could not be loaded.', {
        cause,
      })
    },
  )
  return pending
}

/**
 * The answer schema of a payment route, loaded in its own chunk when a request needs it. Pass it
 * as a request's `schema`, where the other routes name a contract schema.
 *
 * @param name - which payment answer (`'payment'`, `'payees'`, `'standingOrders'`, …)
 * @returns a loader the BFF client calls when the request starts
 * @throws BffError `network_error` (from the loader) when the chunk cannot be loaded
 */
export function paymentSchema<Name extends PaymentSchemaName>(
  name: Name,
): LazySchema<PaymentSchemas[Name]> {
  return () => loadPaymentSchemas().then((schemas) => schemas[name])
}
