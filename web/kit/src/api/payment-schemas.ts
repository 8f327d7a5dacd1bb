// The response checks of the payment routes. They share the lazily loaded chunk of the payment
// form checks (payment-check-schemas.ts imports this module after zod-jitless), so an app that
// imports no payment hook never ships them and one with payments downloads one chunk for both.
import { z } from 'zod'
import {
  fundsConfirmationResponseSchema,
  payeeListResponseSchema,
  paymentResponseSchema,
  paymentSchema,
  recurringPaymentPayResponseSchema,
  recurringPaymentResponseSchema,
  recurringPaymentSchema,
  standingOrderResponseSchema,
  standingOrderSchema,
} from '@mhkit/shared'

// The shared contract has item schemas but no list responses for payments, VRP consents and
// standing orders: the lists are `{ data: Item[] }` like every other list of the contract.
function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ data: z.array(item).max(1000) })
}

/** The response schemas of the payment routes, by name. */
export const paymentSchemas = {
  payment: paymentResponseSchema,
  payments: listOf(paymentSchema),
  payees: payeeListResponseSchema,
  recurringPayment: recurringPaymentResponseSchema,
  recurringPayments: listOf(recurringPaymentSchema),
  recurringPaymentPay: recurringPaymentPayResponseSchema,
  fundsConfirmation: fundsConfirmationResponseSchema,
  standingOrder: standingOrderResponseSchema,
  standingOrders: listOf(standingOrderSchema),
} as const
