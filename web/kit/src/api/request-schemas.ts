// The shared request schemas checkRequest validates a form with: the very schemas the BFF
// validates the bodies with. Import order matters: zod-jitless must evaluate before
// @mhkit/shared builds its schemas (no `new Function` under a strict CSP).
import { zodJitless } from './zod-jitless'
import {
  recurringPaymentPayRequestSchema,
  recurringPaymentRequestSchema,
  standingOrderRequestSchema,
} from '@mhkit/shared'

/** The request bodies the kit can check, by name: the very schemas the BFF validates with. */
export const requestSchemas = {
  recurringPayment: recurringPaymentRequestSchema,
  recurringPaymentPay: recurringPaymentPayRequestSchema,
  standingOrder: standingOrderRequestSchema,
} as const

/** Whether zod was switched to jitless mode before the schemas above were built. */
export const jitless = zodJitless
