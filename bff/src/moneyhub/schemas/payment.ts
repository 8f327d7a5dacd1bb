/**
 * Moneyhub payees, payments, standing-order requests and recurring payments
 * (docs/moneyhub-protocol.md §9.7, §4.8).
 */
import { z } from 'zod'

export const mhPayeeSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  sortCode: z.string().optional(),
  accountNumber: z.string().optional(),
  active: z.boolean().optional(),
  userId: z.string().nullish(),
})
export type MhPayee = z.infer<typeof mhPayeeSchema>

export const mhPaymentSchema = z.looseObject({
  id: z.string(),
  amount: z.number(),
  currency: z.string().optional(),
  payeeId: z.string().nullish(),
  payeeRef: z.string().nullish(),
  payerRef: z.string().nullish(),
  status: z.string(),
  isReversible: z.boolean().optional(),
  initiatedAt: z.string().nullish(),
  finalisedAt: z.string().nullish(),
})
export type MhPayment = z.infer<typeof mhPaymentSchema>

export const mhStandingOrderRequestSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  createdAt: z.string().optional(),
  standingOrder: z.record(z.string(), z.unknown()).optional(),
})
export type MhStandingOrderRequest = z.infer<typeof mhStandingOrderRequestSchema>

export const mhRecurringPaymentSchema = z.looseObject({
  id: z.string(),
  status: z.string().optional(),
  revokedAt: z.string().nullish(),
})
export type MhRecurringPayment = z.infer<typeof mhRecurringPaymentSchema>

export const mhRecurringPaymentResultSchema = z.looseObject({
  id: z.string().optional(),
  paymentSubmissionId: z.string().optional(),
  status: z.string(),
  providerStatus: z.string().optional(),
  submittedAt: z.string().optional(),
})
export type MhRecurringPaymentResult = z.infer<typeof mhRecurringPaymentResultSchema>

export const mhFundsConfirmationSchema = z.looseObject({
  fundsAvailable: z.boolean(),
  fundsAvailableAt: z.string().optional(),
  amount: z.union([z.string(), z.number()]).optional(),
  currency: z.string().optional(),
  recurringPaymentId: z.string().optional(),
})
export type MhFundsConfirmation = z.infer<typeof mhFundsConfirmationSchema>
