/** The time source the BFF uses for TTLs, session lifetimes and rate limits. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

/** The real clock (`Date.now`). Tests inject their own. */
export const systemClock: Clock = { now: () => Date.now() }
