/**
 * `mh:reverse_payment`: refund of a payment made with `readRefundAccount`
 * (docs/moneyhub-protocol.md §4.7).
 *
 * @see https://docs.moneyhubenterprise.com/docs/reverse-payments
 */
import { z } from 'zod'
import {
  accountSchema,
  checkPayer,
  identifierSchema,
  payerTypeSchema,
  penceSchema,
} from './internal/fields'

/**
 * zod schema of the `mh:reverse_payment` value: `paymentId` (required), `amount` in whole
 * positive pence (optional; the whole payment when absent), and the payer fields with the
 * same rules as `mh:payment` (`payerType` required with `payerId`/`payer`; `payer` needs
 * `api-payer`; not both).
 *
 * @see protocol reference §4.7
 */
export const reversePaymentClaimValueSchema = z
  .strictObject({
    paymentId: identifierSchema,
    amount: penceSchema.optional(),
    payerId: identifierSchema.optional(),
    payer: accountSchema.optional(),
    payerType: payerTypeSchema.optional(),
  })
  .superRefine((value, ctx) => {
    checkPayer(value, ctx)
  })

/** The `mh:reverse_payment` value as sent. */
export type ReversePaymentClaimValue = z.output<typeof reversePaymentClaimValueSchema>
