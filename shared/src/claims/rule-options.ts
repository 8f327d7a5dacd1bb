/**
 * Inputs to the claim rules that are not part of the claim itself.
 *
 * - `now` — the clock; rules such as "at most 90 days ahead" read it. Defaults to `() => new Date()`.
 * - `monthsInitialConsent`, `daysInitialConsent` — the chosen provider's history limits from
 *   `/oidc/.well-known/api-connections`; `transactionFromDateTime` may not be earlier.
 * - `oneTime` — a one-time connection without a user id: the builder fills in a 24-hour
 *   consent expiry when none is given (docs/moneyhub-protocol.md §4.3).
 */
export interface ClaimRuleOptions {
  now?: (() => Date) | undefined
  monthsInitialConsent?: number | undefined
  daysInitialConsent?: number | undefined
  oneTime?: boolean | undefined
}

/**
 * Checks caller-supplied options; a wrong option is a programming error, not bad input.
 *
 * @param options - the options to check.
 * @throws {TypeError} when `now` is not a function, or a provider limit is not a non-negative integer.
 */
export function assertRuleOptions(options: ClaimRuleOptions): void {
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new TypeError('ClaimRuleOptions.now must be a function returning a Date')
  }
  for (const key of ['monthsInitialConsent', 'daysInitialConsent'] as const) {
    const limit = options[key]
    if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
      throw new TypeError(`ClaimRuleOptions.${key} must be a non-negative integer`)
    }
  }
}

/**
 * Reads the clock of `options` (or the system clock).
 *
 * @throws {TypeError} when the clock returns something other than a valid Date.
 */
export function readClock(options: ClaimRuleOptions): Date {
  const now = options.now === undefined ? new Date() : options.now()
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new TypeError('ClaimRuleOptions.now must return a valid Date')
  }
  return now
}
