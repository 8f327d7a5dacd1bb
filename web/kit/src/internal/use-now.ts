import { useEffect, useState } from 'react'

/**
 * The current time, refreshed every `intervalMs` so countdowns move on while a page stays open.
 *
 * @param now - clock to read (injectable for tests)
 * @param intervalMs - refresh period
 */
export function useNow(now: () => Date = () => new Date(), intervalMs = 60_000): Date {
  const [value, setValue] = useState(now)
  const [clock] = useState(() => now)
  useEffect(() => {
    const timer = setInterval(() => setValue(clock()), intervalMs)
    return () => clearInterval(timer)
  }, [clock, intervalMs])
  return value
}
