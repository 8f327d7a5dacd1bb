const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})

/**
 * Formats an ISO date or date-time as a short British date (`3 Mar 2026`).
 *
 * @param iso - `YYYY-MM-DD` or an ISO date-time
 * @returns the formatted date, or the input unchanged when it is not a date
 */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
}
