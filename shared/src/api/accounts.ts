import { z } from 'zod'
import {
  accountIdSchema,
  connectionIdSchema,
  displayNameSchema,
  isoDateSchema,
  moneySchema,
} from './common'

/** Account type, Moneyhub's list (docs/moneyhub-protocol.md §9.3). */
export const accountKindSchema = z.enum([
  'cash:current',
  'savings',
  'card',
  'investment',
  'loan',
  'mortgage:repayment',
  'mortgage:interestOnly',
  'pension',
  'pension:definedBenefit',
  'pension:definedContribution',
  'asset',
  'properties:residential',
  'properties:buyToLet',
  'crypto',
])
/** Account type. */
export type AccountKind = z.infer<typeof accountKindSchema>

/** Whether an account is a personal or a business one. */
export const accountHolderTypeSchema = z.enum(['personal', 'business'])
/** Personal or business. */
export type AccountHolderType = z.infer<typeof accountHolderTypeSchema>

/**
 * Identifiers safe to show: the sort code and only the last four digits of the account number.
 * Full account numbers, IBANs and card PANs never leave the BFF.
 */
export const accountDetailsSchema = z.strictObject({
  sortCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  accountNumberLast4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
})
/** Masked account identifiers. */
export type AccountDetails = z.infer<typeof accountDetailsSchema>

/** One account of the signed-in user, mapped by the BFF from Moneyhub's account object. */
export const accountSchema = z.strictObject({
  id: accountIdSchema,
  name: displayNameSchema,
  type: accountKindSchema,
  accountType: accountHolderTypeSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Latest balance and the date it applies to. */
  balance: z.strictObject({ amount: moneySchema, date: isoDateSchema }),
  providerName: displayNameSchema,
  connectionId: connectionIdSchema,
  accountHolderName: displayNameSchema.optional(),
  productName: displayNameSchema.optional(),
  details: accountDetailsSchema.optional(),
})
/** One account. */
export type Account = z.infer<typeof accountSchema>

/** Path parameters of `GET /api/accounts/:id`. */
export const accountParamsSchema = z.strictObject({ id: accountIdSchema })
/** Path parameters of `GET /api/accounts/:id`. */
export type AccountParams = z.infer<typeof accountParamsSchema>

/** Response of `GET /api/accounts`. */
export const accountListResponseSchema = z.strictObject({
  data: z.array(accountSchema).max(1000),
})
/** Response of `GET /api/accounts`. */
export type AccountListResponse = z.infer<typeof accountListResponseSchema>

/** Response of `GET /api/accounts/:id`. */
export const accountResponseSchema = z.strictObject({ data: accountSchema })
/** Response of `GET /api/accounts/:id`. */
export type AccountResponse = z.infer<typeof accountResponseSchema>
