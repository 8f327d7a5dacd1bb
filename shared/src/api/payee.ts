import { z } from 'zod'
import { accountNumberSchema, sortCodeSchema } from './common'

/**
 * A payee given by bank details; Moneyhub creates it on the fly (docs/moneyhub-protocol.md §4.6
 * `payee`).
 */
export const newPayeeSchema = z.strictObject({
  accountNumber: accountNumberSchema,
  sortCode: sortCodeSchema,
  name: z
    .string()
    .min(1)
    .max(140)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'name must not contain control characters'),
})
/** A payee given by bank details. */
export type NewPayee = z.infer<typeof newPayeeSchema>

/**
 * A payment reference (`payeeRef`, `payerRef`, standing-order and VRP `reference`): 1–18
 * characters (docs/moneyhub-protocol.md §4.6) of letters, digits, space and `- . / &`, with at
 * least one letter or digit — the same rule as the claims schemas (`shared/src/claims`), so a form
 * validated with this schema never fails later in the claims builder. Space is allowed because the
 * mock bank's `INVALID REQUEST` convention relies on one.
 */
export const paymentReferenceSchema = z
  .string()
  .min(1)
  .max(18)
  .regex(/^[A-Za-z0-9 ./&-]+$/, 'may only contain letters, digits, space and - . / &')
  .regex(/[A-Za-z0-9]/, 'must contain at least one letter or digit')

/** Maximum amount of one payment in pence (£1,000,000, the Faster Payments ceiling). */
export const PAYMENT_AMOUNT_MAX = 100_000_000

/** A positive amount in whole pence, at most {@link PAYMENT_AMOUNT_MAX}. */
export const penceSchema = z.int().min(1).max(PAYMENT_AMOUNT_MAX)
