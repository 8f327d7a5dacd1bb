/** Validation of caller-supplied query values before any upstream call. */
import { MoneyhubError } from '../errors'
import type { PageQuery } from '../page-query'

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** @throws MoneyhubError `invalid_input` for a limit outside 1–1000 or a negative offset */
export function pageQuery(query: PageQuery = {}): { limit?: number; offset?: number } {
  const out: { limit?: number; offset?: number } = {}
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 1000) {
      throw new MoneyhubError('invalid_input', 'limit must be an integer from 1 to 1000')
    }
    out.limit = query.limit
  }
  if (query.offset !== undefined) {
    if (!Number.isInteger(query.offset) || query.offset < 0) {
      throw new MoneyhubError('invalid_input', 'offset must be a non-negative integer')
    }
    out.offset = query.offset
  }
  return out
}

/** @throws MoneyhubError `invalid_input` unless the value is a `YYYY-MM-DD` date */
export function dateParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw new MoneyhubError('invalid_input', `${name} must be a YYYY-MM-DD date`)
  }
  return value
}

/** @throws MoneyhubError `invalid_input` unless the value is a string of at most `max` chars */
export function textParam(value: string | undefined, name: string, max = 256): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.length > max) {
    throw new MoneyhubError(
      'invalid_input',
      `${name} must be a string of at most ${max} characters`,
    )
  }
  return value
}

/** @throws MoneyhubError `invalid_input` unless the value is a positive whole number of pence */
export function penceParam(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new MoneyhubError('invalid_input', `${name} must be a positive whole number of pence`)
  }
  return value
}
