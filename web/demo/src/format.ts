const money = new Map<string, Intl.NumberFormat>()

/**
 * Formats integer minor units (pence) as a currency amount in British English.
 *
 * @param amount - `{ value, currency }` as the BFF contract sends it
 * @returns e.g. `-£12.34`
 */
export function formatAmount(amount: {
  readonly value: number
  readonly currency: string
}): string {
  let formatter = money.get(amount.currency)
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency: amount.currency })
    money.set(amount.currency, formatter)
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2
  return formatter.format(amount.value / 10 ** digits)
}

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
