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
 */
export function describeExpiry(expiresAt: string, now: Date): string {
  const end = new Date(expiresAt)
  const ms = end.getTime() - now.getTime()
  if (Number.isNaN(ms)) return ''
  if (ms <= 0) return `Access ended on ${formatDate(expiresAt)}`
  const days = Math.floor(ms / DAY_MS)
  if (days === 0) return 'Access ends today'
  if (days === 1) return 'Access ends tomorrow'
  return `Access ends in ${days} days`
}
