// The request schemas of the payment forms (single payment, refund, VRP consent and payment,
// standing order), loaded lazily by payment-checks.ts (and, with the payment routes' answer
// checks, by payment-schema.ts) so an app without payments never downloads them. Import order matters, as in
// contract-schemas.ts: zod-jitless must evaluate before @mhkit/shared builds its schemas.
import { zodJitless } from './zod-jitless'
import {
  newPayeeSchema,
  paymentRequestSchema,
  recurringPaymentPayRequestSchema,
  recurringPaymentRequestSchema,
  refundRequestSchema,
  standingOrderRequestSchema,
} from '@mhkit/shared'

// The payment routes' answer checks, which payment-schema.ts loads through this module.
export { paymentSchemas } from './payment-schemas'

/** The shared schemas the BFF validates the payment requests with. */
export const paymentCheckSchemas = {
  payment: paymentRequestSchema,
  payee: newPayeeSchema,
  refund: refundRequestSchema,
  recurringPayment: recurringPaymentRequestSchema,
  recurringPaymentPay: recurringPaymentPayRequestSchema,
  standingOrder: standingOrderRequestSchema,
} as const

/**
 * Whether zod was switched to jitless mode before the schemas above were built. Exported so the
 * `zod-jitless` import is kept (and evaluated first) by any bundler.
 *
 * @public
 */
export const jitless = zodJitless
