import { z } from 'zod'
import { displayNameSchema, payeeIdSchema } from './common'

/** Most payees `GET /api/payees` lists (the payment ledger keeps 50 entries per kind). */
export const PAYEE_LIST_MAX = 150

/**
 * A payee this browser's session or its user has paid before: Moneyhub's payee id (usable as
 * `payeeId` in a payment, VRP consent or standing order) and the name it was registered with.
 */
export const payeeSummarySchema = z.strictObject({
  id: payeeIdSchema,
  name: displayNameSchema,
})
/** A payee paid before. */
export type PayeeSummary = z.infer<typeof payeeSummarySchema>

/**
 * Response of `GET /api/payees`: the distinct payees of the payments, VRP consents and
 * standing orders this session or its user started, most recently used first.
 */
export const payeeListResponseSchema = z.strictObject({
  data: z.array(payeeSummarySchema).max(PAYEE_LIST_MAX),
})
/** Response of `GET /api/payees`. */
export type PayeeListResponse = z.infer<typeof payeeListResponseSchema>
