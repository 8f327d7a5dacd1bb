import { z } from 'zod'
import {
  accountIdSchema,
  displayNameSchema,
  isoDateSchema,
  moneySchema,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  PAGE_OFFSET_MAX,
  pageInfoSchema,
  queryIntSchema,
  transactionIdSchema,
} from './common'

/**
 * Query of `GET /api/transactions` (all values arrive as strings):
 * `accountId?`, `startDate?` and `endDate?` (`YYYY-MM-DD`, both inclusive, start ≤ end),
 * `limit` (1–200, default 50), `offset` (≥ 0, default 0), `text?` (≤ 100 characters, a
 * description search). Unknown or repeated parameters are rejected.
 */
export const transactionsQuerySchema = z
  .strictObject({
    accountId: accountIdSchema.optional(),
    startDate: isoDateSchema.optional(),
    endDate: isoDateSchema.optional(),
    limit: queryIntSchema(1, PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
    offset: queryIntSchema(0, PAGE_OFFSET_MAX).default(0),
    text: z
      .string()
      .trim()
      .min(1)
      .max(100)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      .regex(/^[^\u0000-\u001f\u007f]+$/, 'text must not contain control characters')
      .optional(),
  })
  .check((ctx) => {
    const { startDate, endDate } = ctx.value
    // YYYY-MM-DD strings order the same way as the dates they name.
    if (startDate !== undefined && endDate !== undefined && startDate > endDate) {
      ctx.issues.push({
        code: 'custom',
        message: 'startDate must not be after endDate',
        path: ['startDate'],
        input: ctx.value,
      })
    }
  })
/** Query of `GET /api/transactions`, as sent (strings). */
export type TransactionsQueryInput = z.input<typeof transactionsQuerySchema>
/** Query of `GET /api/transactions`, after parsing (numbers, defaults filled in). */
export type TransactionsQuery = z.infer<typeof transactionsQuerySchema>

/** Whether a transaction has settled. */
export const transactionStatusSchema = z.enum(['posted', 'pending'])
/** Whether a transaction has settled. */
export type TransactionStatus = z.infer<typeof transactionStatusSchema>

/**
 * A transaction category: Moneyhub's id (`std:` standard or `cus:` custom,
 * docs/moneyhub-protocol.md §9.4) and, when the BFF knows it, a display name.
 */
export const transactionCategorySchema = z.strictObject({
  id: z
    .string()
    .max(80)
    .regex(/^(std|cus):[A-Za-z0-9-]{1,64}$/),
  name: displayNameSchema.optional(),
})
/** A transaction category. */
export type TransactionCategory = z.infer<typeof transactionCategorySchema>

/**
 * One transaction. `amount.value` is negative for money out. `date` is the booking date only:
 * Moneyhub fills a missing time with midday, so a time of day would suggest false precision.
 */
export const transactionSchema = z.strictObject({
  id: transactionIdSchema,
  accountId: accountIdSchema,
  amount: moneySchema,
  date: isoDateSchema,
  description: z.string().max(500),
  merchant: displayNameSchema.optional(),
  category: transactionCategorySchema.optional(),
  status: transactionStatusSchema,
})
/** One transaction. */
export type Transaction = z.infer<typeof transactionSchema>

/** Response of `GET /api/transactions`: one page, newest first, and the paging facts. */
export const transactionPageSchema = z.strictObject({
  data: z.array(transactionSchema).max(PAGE_LIMIT_MAX),
  page: pageInfoSchema,
})
/** Response of `GET /api/transactions`. */
export type TransactionPage = z.infer<typeof transactionPageSchema>
