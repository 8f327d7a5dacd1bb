import { z } from 'zod'

/**
 * An amount of money in integer minor units (pence for GBP). Negative values are debits, as on
 * Moneyhub's data API (docs/moneyhub-protocol.md §9.2: `amount.value` is an integer in minor
 * units).
 */
export const moneySchema = z.strictObject({
  value: z.int(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as GBP'),
})
/** An amount of money in integer minor units; see {@link moneySchema}. */
export type Money = z.infer<typeof moneySchema>

/** Currency of payments: Moneyhub's payment rails are UK domestic, so only GBP. */
export const paymentCurrencySchema = z.literal('GBP')

// Ids spliced into upstream URLs must match a strict pattern (docs/security.md I4): letters, digits
// and `-` only, so `.`, `/`, `\` and `%` can never reach a path segment.
const resourceId = (what: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/, `${what} may contain only letters, digits and -`)

/** An account id (Moneyhub's are UUIDs): `[A-Za-z0-9-]`, 1–64 characters. */
export const accountIdSchema = resourceId('accountId')
/** A transaction id: `[A-Za-z0-9-]`, 1–64 characters. */
export const transactionIdSchema = resourceId('transactionId')
/** A payment id: `[A-Za-z0-9-]`, 1–64 characters. */
export const paymentIdSchema = resourceId('paymentId')
/** A payee id (Moneyhub `POST /payees` result): `[A-Za-z0-9-]`, 1–64 characters. */
export const payeeIdSchema = resourceId('payeeId')
/** A standing-order request id: `[A-Za-z0-9-]`, 1–64 characters. */
export const standingOrderIdSchema = resourceId('standingOrderId')
/** A recurring payment (VRP consent) id: `[A-Za-z0-9-]`, 1–64 characters. */
export const recurringPaymentIdSchema = resourceId('recurringPaymentId')

/** A Moneyhub bank (provider) id: 32 lowercase hex characters (docs/moneyhub-protocol.md §9.8). */
export const bankIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'bankId must be 32 lowercase hex characters')

/**
 * A Moneyhub connection id, `<bankId>:<uuid>` (docs/moneyhub-protocol.md §4.5), e.g.
 * `b74f1a79f0be8bdb857d82d0f041d7d2:0f1aa7c1-6379-483a-bfd8-ae0a208fb635`.
 * In a URL path the `:` may arrive percent-encoded (`%3A`); routers decode it before validation.
 */
export const connectionIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{32}:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    'connectionId must be <32 hex bankId>:<uuid>',
  )

/**
 * An opaque flow id chosen by the BFF (base64url, 22–64 characters, i.e. at least 128 random
 * bits). It names a login or payment transaction to the browser; it is not the OAuth `state`.
 */
export const flowIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'flowId must be 22–64 base64url characters')

/** Our user id as shown to the browser: opaque, `[A-Za-z0-9_-]`, 1–128 characters. */
export const userIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/)

/** A calendar date `YYYY-MM-DD` (a real date: `2024-02-30` is rejected). */
export const isoDateSchema = z.iso.date()

/** An ISO 8601 date-time with `Z` or a numeric offset, e.g. `2024-07-10T11:39:44+00:00`. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true })

/** A display name (bank, account, payee): 1–200 characters, no control characters. */
export const displayNameSchema = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters')

/** Largest page the transactions route serves. */
export const PAGE_LIMIT_MAX = 200
/** Page size when the query names none. */
export const PAGE_LIMIT_DEFAULT = 50
/** Largest offset accepted, to keep upstream paging bounded. */
export const PAGE_OFFSET_MAX = 100_000

/**
 * A non-negative integer carried in a query string: digits only (no sign, exponent, blanks or
 * empty value, which plain `Number()` coercion would let through as 0), then range-checked.
 *
 * @param min - smallest accepted value.
 * @param max - largest accepted value.
 */
export function queryIntSchema(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.int().min(min).max(max))
}

/** Paging facts of a page response; `nextOffset` is `null` on the last page. */
export const pageInfoSchema = z.strictObject({
  limit: z.int().min(1).max(PAGE_LIMIT_MAX),
  offset: z.int().min(0).max(PAGE_OFFSET_MAX),
  nextOffset: z.int().min(1).nullable(),
})
/** Paging facts of a page response. */
export type PageInfo = z.infer<typeof pageInfoSchema>

/** UK sort code: six digits, no dashes. */
export const sortCodeSchema = z.string().regex(/^\d{6}$/, 'sortCode must be 6 digits')
/** UK account number: eight digits. */
export const accountNumberSchema = z.string().regex(/^\d{8}$/, 'accountNumber must be 8 digits')
