import { z } from 'zod'
import { bankIdSchema, displayNameSchema } from './common'

/**
 * Kind of provider, as Moneyhub classifies it (docs/moneyhub-protocol.md §9.6/§9.8): open-banking
 * `api`, screen-scraping `legacy`, `test` banks, and the asset-valuation providers.
 */
export const bankTypeSchema = z.enum([
  'api',
  'legacy',
  'test',
  'zoopla',
  'mouseprice',
  'autotrader',
])
/** Kind of provider. */
export type BankType = z.infer<typeof bankTypeSchema>

/**
 * Availability, folded from Moneyhub's `status.auth` (`AVAILABLE`, `PARTIALLY_AVAILABLE`,
 * `TEMPORARILY_UNAVAILABLE`, `PERMANENTLY_UNAVAILABLE`) into three values a UI can act on.
 */
export const bankStatusSchema = z.enum(['available', 'partially_available', 'unavailable'])
/** Bank availability. */
export type BankStatus = z.infer<typeof bankStatusSchema>

// An icon is either an https URL (Moneyhub's bank-icons host) or a same-origin path when the
// BFF proxies icons; never `javascript:`/`data:` (it lands in an <img src>).
const iconUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => /^https:\/\/[^/\\@\s]+\/\S*$/.test(value) || /^\/(?![/\\])\S*$/.test(value), {
    message: 'iconUrl must be an https URL or a same-origin path',
  })

/** Path of `GET /api/banks/:bankId/icon`: a bank's logo, served from the app's origin. */
export const bankIconParamsSchema = z.strictObject({ bankId: bankIdSchema })

/** One bank (provider) the user can connect or pay from. */
export const bankSchema = z.strictObject({
  id: bankIdSchema,
  name: displayNameSchema,
  type: bankTypeSchema,
  iconUrl: iconUrlSchema.optional(),
  status: bankStatusSchema,
  /** Whether the bank supports domestic payments through Moneyhub. */
  payments: z.boolean(),
  /**
   * How far back the bank gives transactions at a first connection, in months or in days, when
   * Moneyhub knows (docs/moneyhub-protocol.md §4.3, §9.8). A connect's
   * `consent.transactionFromDateTime` may be no earlier than `earliestTransactionFrom(now, bank)`
   * allows (BFF error `transaction_from_too_early` otherwise).
   */
  monthsInitialConsent: z.int().min(0).max(1200).optional(),
  daysInitialConsent: z.int().min(0).max(36_500).optional(),
})
/** One bank (provider). */
export type Bank = z.infer<typeof bankSchema>

/**
 * Query of `GET /api/banks`: `kind=ais` (default: banks to connect) or `kind=payments`
 * (banks that can make payments), and an optional name filter `q` (≤ 100 characters).
 */
export const bankListQuerySchema = z.strictObject({
  kind: z.enum(['ais', 'payments']).default('ais'),
  q: z.string().trim().min(1).max(100).optional(),
})
/** Query of `GET /api/banks` after parsing. */
export type BankListQuery = z.infer<typeof bankListQuerySchema>

/** Response of `GET /api/banks`. */
export const bankListResponseSchema = z.strictObject({
  data: z.array(bankSchema).max(2000),
})
/** Response of `GET /api/banks`. */
export type BankListResponse = z.infer<typeof bankListResponseSchema>
