// The request schemas of the payment forms (single payment, refund, VRP consent and payment,
// standing order), loaded lazily by payment-checks.ts so an app that
// never shows a payment form never downloads them. Import order matters, as in
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
