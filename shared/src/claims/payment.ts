/**
 * `mh:payment`: a single immediate payment (docs/moneyhub-protocol.md §4.6).
 *
 * @see https://docs.moneyhubenterprise.com/docs/payments-claim
 */
import { z } from 'zod'
import {
  accountSchema,
  checkPayee,
  checkPayer,
  identifierSchema,
  paymentContextSchema,
  payeeTypeSchema,
  payerTypeSchema,
  penceSchema,
  referenceSchema,
} from './internal/fields'

/** Longest `payerName` / `payerEmail` Moneyhub accepts. */
export const MAX_PAYER_TEXT_LENGTH = 254

/**
 * zod schema of the `mh:payment` value. Rules, each a {@link ClaimsError} rule:
 * - `amount` — whole pence (`integer`), more than zero (`positive`);
 * - exactly one of `payeeId` or `payee` (`required` / `exclusive`); `payee` is
 *   `{ accountNumber: 8 digits, sortCode: 6 digits, name }` (`format`);
 * - `payerType` is `required` with `payerId` or `payer`; `payer` needs `api-payer` (`conflict`);
 * - `payeeRef`, `payerRef` — required, at most 18 characters (`too_long`) of letters, digits,
 *   space and `- . / &` (`charset`);
 * - `context` — `Other`, `BillPayment` or `PartyToParty` (`enum`);
 * - `payerName`, `payerEmail` — at most 254 characters; `readRefundAccount` boolean; `endToEndId`.
 *
 * @see protocol reference §4.6
 */
export const paymentClaimValueSchema = z
  .strictObject({
    amount: penceSchema,
    payeeId: identifierSchema.optional(),
    payee: accountSchema.optional(),
    payeeType: payeeTypeSchema.optional(),
    payerId: identifierSchema.optional(),
    payer: accountSchema.optional(),
    payerType: payerTypeSchema.optional(),
    payeeRef: referenceSchema,
    payerRef: referenceSchema,
    context: paymentContextSchema.optional(),
    payerName: z.string().min(1).max(MAX_PAYER_TEXT_LENGTH).optional(),
    payerEmail: z.email().max(MAX_PAYER_TEXT_LENGTH).optional(),
    readRefundAccount: z.boolean().optional(),
    endToEndId: z.string().min(1).max(35).optional(),
  })
  .superRefine((value, ctx) => {
    checkPayee(value, ctx)
    checkPayer(value, ctx)
  })

/** The `mh:payment` value as sent. */
export type PaymentClaimValue = z.output<typeof paymentClaimValueSchema>
