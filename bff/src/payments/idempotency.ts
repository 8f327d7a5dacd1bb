import { createHash } from 'node:crypto'

import type { ErrorCode } from '@mhkit/shared'

import { AppError, toAppError } from '../errors'
import type { Store } from '../session/store'

/** How long a key's first outcome is replayed (24 hours, as payment APIs commonly keep it). */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

type Outcome =
  | { state: 'running'; bodyHash: string }
  | { state: 'done'; bodyHash: string; status: number; body: unknown }
  | { state: 'failed'; bodyHash: string; code: ErrorCode; status: number; retryAfter?: number }

/** A stable digest of a validated request body (zod's output keeps the schema's key order). */
function bodyDigest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url')
}

/** Runs money-moving operations at most once per key; see {@link createIdempotency}. */
export interface Idempotency {
  once(
    scope: string,
    key: string,
    body: unknown,
    run: () => Promise<unknown>,
  ): Promise<{ status: number; body: unknown; replayed: boolean }>
}

/**
 * Creates {@link Idempotency} over a {@link Store} (`idem:<sha256(scope, key)>`, 24 hours).
 *
 * @param store - any store (`add` is atomic in all of them, across instances for SQLite and Redis)
 */
export function createIdempotency(store: Store): Idempotency {
  return { once: (scope, key, body, run) => once(store, scope, key, body, run) }
}

/**
 * Runs a money-moving operation at most once per `Idempotency-Key` (issue 10): the first
 * request with a key claims it atomically (`Store.add`) and stores its outcome, success or
 * error; a retry with the same key and body answers that outcome without calling Moneyhub
 * again; the same key with another body is 409 `idempotency_key_reused`, and a retry while the
 * first is still running is 409 `idempotency_key_in_progress`. An outcome that leaves it
 * unknown whether money moved (a timeout) is stored like any other, so a retry can never pay
 * twice; the client learns the truth from the consent's payments, not by paying again.
 *
 * @param store - where outcomes are kept
 * @param scope - what the key is unique within (the consent id)
 * @param key - the validated `Idempotency-Key`
 * @param body - the validated request body
 * @param run - the operation; its result is the response body
 * @returns the HTTP status and body to answer (the first one's, for a replay)
 * @throws AppError the first attempt's error again, or a 409
 */
async function once(
  store: Store,
  scope: string,
  key: string,
  body: unknown,
  run: () => Promise<unknown>,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  const storeKey = `idem:${createHash('sha256').update(`${scope}\u0000${key}`).digest('base64url')}`
  const bodyHash = bodyDigest(body)
  const running: Outcome = { state: 'running', bodyHash }
  if (!(await store.add(storeKey, JSON.stringify(running), IDEMPOTENCY_TTL_MS))) {
    const raw = await store.get(storeKey)
    const first = raw === undefined ? undefined : (JSON.parse(raw) as Outcome)
    if (first === undefined) {
      throw new AppError('idempotency_key_in_progress', { retryAfter: 1 })
    }
    if (first.bodyHash !== bodyHash) throw new AppError('idempotency_key_reused')
    if (first.state === 'running') {
      throw new AppError('idempotency_key_in_progress', { retryAfter: 1 })
    }
    if (first.state === 'failed') {
      throw new AppError(first.code, {
        status: first.status,
        reason: 'idempotent_replay',
        ...(first.retryAfter === undefined ? {} : { retryAfter: first.retryAfter }),
      })
    }
    return { status: first.status, body: first.body, replayed: true }
  }
  let result: unknown
  try {
    result = await run()
  } catch (error) {
    const failure = toAppError(error)
    const outcome: Outcome = {
      state: 'failed',
      bodyHash,
      code: failure.code,
      status: failure.status,
      ...(failure.retryAfter === undefined ? {} : { retryAfter: failure.retryAfter }),
    }
    await store.set(storeKey, JSON.stringify(outcome), IDEMPOTENCY_TTL_MS)
    throw failure
  }
  const outcome: Outcome = { state: 'done', bodyHash, status: 200, body: result }
  await store.set(storeKey, JSON.stringify(outcome), IDEMPOTENCY_TTL_MS)
  return { status: 200, body: result, replayed: false }
}
