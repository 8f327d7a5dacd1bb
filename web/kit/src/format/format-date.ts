import type { MhkitMessages } from '../messages/mhkit-messages'

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * Formats a `YYYY-MM-DD` date or an ISO date-time in British English (`3 Mar 2026`). Calendar
 * dates are read and shown in UTC so they never shift by a day in another time zone.
 */
export function formatDate(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date)
}

const DAY_MS = 86_400_000

/**
 * Says how long is left until `expiresAt`, in whole days, for a consent countdown:
 * "ends today", "ends tomorrow", "ends in 5 days", or "ended on 3 Mar 2026".
 *
 * @param expiresAt - ISO date-time the consent ends
 * @param now - the current time
 * @param m - wording overrides (`accessEnded`, `accessEndsToday`, `accessEndsTomorrow`,
 *   `accessEndsIn`), e.g. `useMessages()`
 */
export function describeExpiry(expiresAt: string, now: Date, m: MhkitMessages = {}): string {
  const end = new Date(expiresAt)
  const ms = end.getTime() - now.getTime()
  if (Number.isNaN(ms)) return ''
  const date = formatDate(expiresAt)
  if (ms <= 0) return m.accessEnded?.(date) ?? `Access ended on ${date}`
  const days = Math.floor(ms / DAY_MS)
  if (days === 0) return m.accessEndsToday ?? 'Access ends today'
  if (days === 1) return m.accessEndsTomorrow ?? 'Access ends tomorrow'
  return m.accessEndsIn?.(days) ?? `Access ends in ${days} days`
}
