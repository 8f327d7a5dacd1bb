/** Calendar arithmetic in UTC for the consent and mandate rules. Internal. */

const MS_PER_DAY = 86_400_000

/** `date` plus `days` whole days (negative to go back). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * MS_PER_DAY)
}

/**
 * `date` minus `months` calendar months, clamped to the end of a shorter month
 * (31 March minus one month is 28/29 February, not 3 March), keeping the time of day.
 */
export function subtractMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const result = new Date(date.getTime())
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay))
  return result
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MONTH_YEAR = /^(\d{2})-([A-Za-z]{3})-(\d{4})$/
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/

/** Milliseconds of a real calendar date at UTC midnight, or undefined for 31 February and the like. */
function utcDay(year: number, month: number, day: number): number | undefined {
  const time = Date.UTC(year, month - 1, day)
  const check = new Date(time)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return undefined
  if (check.getUTCDate() !== day) return undefined
  return time
}

/**
 * Parses an ISO 8601 date-time with an offset (`2025-05-02T00:00:00+00:00`, `…Z`) to epoch ms.
 * Returns undefined when malformed or not a real instant.
 */
export function parseDateTime(value: string): number | undefined {
  const match = ISO_DATE_TIME.exec(value)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s] = match
  if (utcDay(Number(y), Number(mo), Number(d)) === undefined) return undefined
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? '0') > 59) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}

/**
 * Parses the date forms Moneyhub accepts for mandate dates (docs/moneyhub-protocol.md §4.8):
 * `2025-01-01`, `15-MAR-2021`, or a full ISO date-time. Returns epoch ms of that day (or instant),
 * or undefined.
 */
export function parseCalendarDate(value: string): number | undefined {
  const iso = ISO_DATE.exec(value)
  if (iso) return utcDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dmy = DAY_MONTH_YEAR.exec(value)
  if (dmy) {
    const month = MONTHS.indexOf((dmy[2] ?? '').toUpperCase())
    return month === -1 ? undefined : utcDay(Number(dmy[3]), month + 1, Number(dmy[1]))
  }
  return parseDateTime(value)
}
