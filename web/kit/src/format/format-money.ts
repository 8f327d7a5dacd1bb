import type { Money } from '../api/contract'

const formatters = new Map<string, Intl.NumberFormat>()

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency)
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency })
    formatters.set(currency, formatter)
  }
  return formatter
}

/**
 * Formats an amount held as integer minor units (pence for GBP) in British English, e.g.
 * `{ value: -1234, currency: 'GBP' }` → `-£12.34`. The currency's own number of minor digits is
 * used, so integer arithmetic is never mixed with floats elsewhere.
 *
 * @param money - `{ value, currency }` from the shared contract
 * @returns the formatted amount
 */
export function formatMoney(money: Money): string {
  const formatter = formatterFor(money.currency)
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2
  return formatter.format(money.value / 10 ** digits)
}
