/** A VRP periodic limit's period (docs/moneyhub-protocol.md §4.8). */
export type VrpPeriodType = 'Day' | 'Week' | 'Fortnight' | 'Month' | 'Half-year' | 'Year'

/**
 * Whether periods follow the calendar or start on the consent's first day
 * (docs/moneyhub-protocol.md §4.8).
 */
export type VrpPeriodAlignment = 'Consent' | 'Calendar'

const DAY_MS = 24 * 3600 * 1000

/** Months in a month-based period. */
const MONTHS: Partial<Record<VrpPeriodType, number>> = { Month: 1, 'Half-year': 6, Year: 12 }
/** Days in a day-based period. */
const DAYS: Partial<Record<VrpPeriodType, number>> = { Day: 1, Week: 7, Fortnight: 14 }

/**
 * The period of a VRP periodic limit that contains a moment, in UTC whole days.
 *
 * Calendar alignment: a day; a week from Monday; a fortnight from the Monday of ISO week 1 of
 * the year, two weeks at a time; a month from the 1st; a half-year from 1 January or 1 July; a
 * year from 1 January. Consent alignment: periods of the same length repeating from the
 * consent's first day (its `validFromDate`), a month-based period ending on the same day of
 * the month, or on the month's last day when it is shorter (31 January → 28 February).
 *
 * @param type - The limit's `periodType`.
 * @param alignment - The limit's `periodAlignment`.
 * @param anchor - The consent's first day (only used for `Consent` alignment).
 * @param at - The moment to place.
 * @returns The period as `[start, end)` instants.
 */
export function periodBounds(
  type: VrpPeriodType,
  alignment: VrpPeriodAlignment,
  anchor: Date,
  at: Date,
): { start: Date; end: Date } {
  const day = startOfDay(at)
  const days = DAYS[type]
  if (days !== undefined) {
    let origin: Date
    if (alignment === 'Consent') origin = startOfDay(anchor)
    else if (type === 'Fortnight') origin = isoWeekOneMonday(day.getUTCFullYear(), day)
    else origin = new Date(Date.UTC(1970, 0, 5)) // a Monday: weeks (and days) from any Monday
    const length = days * DAY_MS
    const index = Math.floor((day.getTime() - origin.getTime()) / length)
    const start = new Date(origin.getTime() + index * length)
    return { start, end: new Date(start.getTime() + length) }
  }
  const months = MONTHS[type] ?? 1
  if (alignment === 'Calendar') {
    const month = Math.floor(day.getUTCMonth() / months) * months
    const start = new Date(Date.UTC(day.getUTCFullYear(), month, 1))
    return { start, end: new Date(Date.UTC(day.getUTCFullYear(), month + months, 1)) }
  }
  const origin = startOfDay(anchor)
  let index = Math.floor(monthsBetween(origin, day) / months)
  if (addMonths(origin, index * months) > day) index -= 1
  return {
    start: addMonths(origin, index * months),
    end: addMonths(origin, (index + 1) * months),
  }
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

/** The Monday of ISO week 1 for the fortnight grid containing `day` (the year before early in January). */
function isoWeekOneMonday(year: number, day: Date): Date {
  const monday = (y: number) => {
    const jan4 = new Date(Date.UTC(y, 0, 4))
    return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS)
  }
  const own = monday(year)
  return day < own ? monday(year - 1) : own
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth()
}

/** `date` plus whole months, on the same day of the month or the month's last day. */
function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)))
}
