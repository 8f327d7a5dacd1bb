const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * A date as a person reads it on a bank page (`6 December 2026`), from a `Date` or an ISO date
 * (`2026-12-06`) or date-time; anything else is returned as given, so a malformed claim value
 * is still shown rather than hidden.
 *
 * @param value - a Date, an ISO date or date-time string, or anything from a claim
 * @returns the long English date in UTC, or `not given`
 */
export function humanDate(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'not given' : LONG_DATE.format(value)
  if (typeof value !== 'string') return 'not given'
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? value : LONG_DATE.format(date)
}
