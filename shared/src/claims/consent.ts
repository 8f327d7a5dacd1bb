/**
 * `mh:consent`: the AIS consent window and extra Open Banking permissions
 * (docs/moneyhub-protocol.md §4.3).
 *
 * @see https://docs.moneyhubenterprise.com/docs/ais-consents
 */
import { z } from 'zod'
import { addDays, parseDateTime, subtractMonths } from './internal/dates'
import { addRuleIssue } from './internal/issues'
import { assertRuleOptions, readClock, type ClaimRuleOptions } from './rule-options'

/** The Open Banking permissions Moneyhub accepts in `mh:consent.permissions` (§4.3). */
export const OpenBankingPermission = {
  readAccountsBasic: 'ReadAccountsBasic',
  readAccountsDetail: 'ReadAccountsDetail',
  readBalances: 'ReadBalances',
  readBeneficiariesDetail: 'ReadBeneficiariesDetail',
  readParty: 'ReadParty',
  readProducts: 'ReadProducts',
  readStandingOrdersBasic: 'ReadStandingOrdersBasic',
  readStandingOrdersDetail: 'ReadStandingOrdersDetail',
  readStatementsBasic: 'ReadStatementsBasic',
  readStatementsDetail: 'ReadStatementsDetail',
  readTransactionsCredits: 'ReadTransactionsCredits',
  readTransactionsDebits: 'ReadTransactionsDebits',
  readTransactionsDetail: 'ReadTransactionsDetail',
} as const
/** One of the {@link OpenBankingPermission} strings. */
export type OpenBankingPermissionValue =
  (typeof OpenBankingPermission)[keyof typeof OpenBankingPermission]

/** A consent may run at most this many days from now (§4.3). */
export const MAX_CONSENT_DAYS = 90
/** Transactions may be fetched from at most this many months back (§4.3). */
export const MAX_TRANSACTION_HISTORY_MONTHS = 72
/** A one-time connection made without a user id expires after this many hours by default. */
export const ONE_TIME_CONSENT_HOURS = 24

const permissionSchema = z.enum(
  Object.values(OpenBankingPermission) as [
    OpenBankingPermissionValue,
    ...OpenBankingPermissionValue[],
  ],
)

/** An ISO 8601 date-time with an offset, e.g. `2025-05-02T00:00:00+00:00` or `…Z`. */
const dateTimeSchema = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    if (parseDateTime(value) === undefined) {
      addRuleIssue(ctx, [], 'format', 'must be an ISO 8601 date-time with an offset')
    }
  })

/**
 * The default expiry of a one-time connection made without a user id: 24 hours after `now`
 * (Moneyhub applies the same default; stating it keeps the request explicit).
 *
 * @param now - the current instant.
 * @returns an ISO 8601 UTC date-time string.
 * @see protocol reference §4.3
 */
export function defaultOneTimeConsentExpiry(now: Date): string {
  return new Date(now.getTime() + ONE_TIME_CONSENT_HOURS * 3_600_000).toISOString()
}

/**
 * The earliest `transactionFromDateTime` allowed at `now`: the later of 72 months back and
 * the provider's `monthsInitialConsent` / `daysInitialConsent` limits when given.
 *
 * @param now - the current instant.
 * @param options - provider limits.
 * @returns the earliest allowed instant.
 * @see protocol reference §4.3
 */
export function earliestTransactionFrom(
  now: Date,
  options: Pick<ClaimRuleOptions, 'monthsInitialConsent' | 'daysInitialConsent'> = {},
): Date {
  let earliest = subtractMonths(now, MAX_TRANSACTION_HISTORY_MONTHS)
  const { monthsInitialConsent, daysInitialConsent } = options
  if (monthsInitialConsent !== undefined) {
    const limit = subtractMonths(now, monthsInitialConsent)
    if (limit > earliest) earliest = limit
  }
  if (daysInitialConsent !== undefined) {
    const limit = addDays(now, -daysInitialConsent)
    if (limit > earliest) earliest = limit
  }
  return earliest
}

/**
 * zod schema of the `mh:consent` value. The clock is read on every parse, so one schema can be
 * kept for the life of the process.
 *
 * Rules (each a {@link ClaimsError} rule on the named field):
 * - `expirationDateTime` — `not_future` unless after now; `too_far_ahead` beyond now + 90 days
 *   (exactly 90 days passes);
 * - `transactionFromDateTime` — `in_future` after now; `too_early` before 72 months ago or the
 *   provider limit (exactly the limit passes); `order` unless before `expirationDateTime`;
 * - `permissions` — Open Banking names only (`enum`), no repeats (`duplicate`);
 * - `permissionsAction` — `add` (Moneyhub's default) or `replace`.
 *
 * @param options - the clock and the provider's history limits.
 * @throws {TypeError} when an option is malformed, or (at parse time) the clock returns an invalid Date.
 * @see protocol reference §4.3
 */
export function consentClaimValueSchema(options: ClaimRuleOptions = {}) {
  assertRuleOptions(options)
  return z
    .strictObject({
      expirationDateTime: dateTimeSchema.optional(),
      transactionFromDateTime: dateTimeSchema.optional(),
      permissions: z.array(permissionSchema).min(1).max(32).optional(),
      permissionsAction: z.enum(['add', 'replace']).optional(),
    })
    .superRefine((value, ctx) => {
      const now = readClock(options)
      const expires =
        value.expirationDateTime === undefined ? undefined : parseDateTime(value.expirationDateTime)
      if (expires !== undefined) {
        if (expires <= now.getTime()) {
          addRuleIssue(ctx, ['expirationDateTime'], 'not_future', 'must be in the future')
        } else if (expires > addDays(now, MAX_CONSENT_DAYS).getTime()) {
          addRuleIssue(
            ctx,
            ['expirationDateTime'],
            'too_far_ahead',
            `must be at most ${String(MAX_CONSENT_DAYS)} days from now`,
          )
        }
      }
      const from =
        value.transactionFromDateTime === undefined
          ? undefined
          : parseDateTime(value.transactionFromDateTime)
      if (from !== undefined) {
        if (from > now.getTime()) {
          addRuleIssue(ctx, ['transactionFromDateTime'], 'in_future', 'must not be in the future')
        } else if (from < earliestTransactionFrom(now, options).getTime()) {
          addRuleIssue(
            ctx,
            ['transactionFromDateTime'],
            'too_early',
            `must not be earlier than ${String(MAX_TRANSACTION_HISTORY_MONTHS)} months ago or the provider's history limit`,
          )
        }
        if (expires !== undefined && from >= expires) {
          addRuleIssue(
            ctx,
            ['transactionFromDateTime'],
            'order',
            'must be before expirationDateTime',
          )
        }
      }
      const permissions = value.permissions ?? []
      const seen = new Set<string>()
      permissions.forEach((permission, index) => {
        if (seen.has(permission)) {
          addRuleIssue(ctx, ['permissions', index], 'duplicate', 'is listed more than once')
        }
        seen.add(permission)
      })
    })
}

/** The `mh:consent` value as sent. */
export type ConsentClaimValue = z.output<ReturnType<typeof consentClaimValueSchema>>
