import type { StandingOrder } from '../api/contract'
import type { MhkitMessages } from '../messages/mhkit-messages'

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

function ordinal(day: number): string {
  const tens = day % 100
  if (tens >= 11 && tens <= 13) return `${day}th`
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`
}

/**
 * How often a standing order pays, in words: "Every day", "Every Friday", "On the 1st of every
 * month", with "(working days only)" when payments move off weekends.
 *
 * @param frequency - the standing order's frequency
 * @param m - wording overrides (`frequency` replaces the whole sentence), e.g. `useMessages()`
 */
export function describeFrequency(
  frequency: StandingOrder['frequency'],
  m: MhkitMessages = {},
): string {
  const own = m.frequency?.(frequency)
  if (own !== undefined) return own
  const { repeat, day, onlyWorkDays } = frequency
  const base =
    repeat === 'daily'
      ? 'Every day'
      : repeat === 'weekly'
        ? `Every ${weekdays[(day ?? 1) - 1] ?? 'week'}`
        : `On the ${ordinal(day ?? 1)} of every month`
  return onlyWorkDays === true ? `${base} (working days only)` : base
}
