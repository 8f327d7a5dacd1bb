/** Helpers shared by the claim tests. Internal; never re-exported. */
import { expect } from 'vitest'
import { ClaimsError, type ClaimRule } from '../src/claims/claims-error'
import { parseClaimsRequest } from '../src/claims/claims-request'
import type { ClaimRuleOptions } from '../src/claims/rule-options'

/** The fixed instant every clock-dependent test runs at. */
export const NOW = new Date('2026-03-15T12:00:00.000Z')
/** Rule options with the clock pinned to {@link NOW}. */
export const AT_NOW: ClaimRuleOptions = { now: () => NOW }

/** ISO string `ms` milliseconds after {@link NOW} (negative for before). */
export function fromNow(ms: number): string {
  return new Date(NOW.getTime() + ms).toISOString()
}
export const SECOND = 1000
export const DAY = 86_400_000

/** Runs `fn`, which must throw a ClaimsError, and returns it. */
export function claimsErrorOf(fn: () => unknown): ClaimsError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ClaimsError)
    return error as ClaimsError
  }
  throw new Error('expected a ClaimsError, but nothing was thrown')
}

/** Parses `{ id_token: { [name]: { essential: true, value } } }` at {@link NOW}. */
export function parseClaim(name: string, value: unknown, options: ClaimRuleOptions = {}) {
  return parseClaimsRequest(
    { id_token: { [name]: { essential: true, value } } },
    {
      ...AT_NOW,
      ...options,
    },
  )
}

/** Asserts that the claim value fails with an issue on `field` with `rule`. */
export function expectIssue(
  name: string,
  value: unknown,
  field: string,
  rule: ClaimRule,
  options: ClaimRuleOptions = {},
): void {
  const error = claimsErrorOf(() => parseClaim(name, value, options))
  expect(error.issues.map((issue) => `${issue.field} ${issue.rule}`)).toContain(`${field} ${rule}`)
}
