import type { ErrorCode } from '@mhkit/shared'

import { AppError } from '../errors'
import { MoneyhubError } from '../moneyhub'

/**
 * Runs an upstream read of a resource the ledger says this browser owns; Moneyhub's 404 (the
 * resource is gone there) is answered with the resource's own not-found code, as a missing
 * id is.
 *
 * @param code - e.g. `payment_not_found`
 */
export async function orNotFound<T>(call: Promise<T>, code: ErrorCode): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (error instanceof MoneyhubError && error.code === 'not_found') {
      throw new AppError(code, { reason: 'upstream_not_found' })
    }
    throw error
  }
}

/** Today as a UTC calendar date, `YYYY-MM-DD` (the shared schemas' dates). */
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10)
}
