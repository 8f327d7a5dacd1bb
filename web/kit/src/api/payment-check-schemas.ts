// The request schemas of the payment forms, loaded lazily by payment-checks.ts so an app that
// never shows a payment form never downloads them. Import order matters, as in
// contract-schemas.ts: zod-jitless must evaluate before @mhkit/shared builds its schemas.
import { zodJitless } from './zod-jitless'
import { newPayeeSchema, paymentRequestSchema, refundRequestSchema } from '@mhkit/shared'

/** The shared schemas the BFF validates payment and refund starts with. */
export const paymentCheckSchemas = {
  payment: paymentRequestSchema,
  payee: newPayeeSchema,
  refund: refundRequestSchema,
} as const

/** Whether zod was switched to jitless mode before the schemas above were built. */
export const jitless = zodJitless
