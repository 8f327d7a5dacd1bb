import { expect } from 'vitest'
import { BffError } from '../src/api/bff-error'

/** Awaits a request that must fail, and returns its {@link BffError}. */
export async function bffRejection(promise: Promise<unknown>): Promise<BffError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(BffError)
  return error as BffError
}
