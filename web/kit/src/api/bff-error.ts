import type { ErrorCode } from './contract'

/**
 * Codes the kit itself produces, on top of the BFF's closed {@link ErrorCode} union:
 * `network_error` (the request never got an HTTP answer) and `invalid_response` (the answer did
 * not match the shared contract schema, or an error body was not the contract's error shape).
 */
export type KitErrorCode = 'network_error' | 'invalid_response'

/** Every code a {@link BffError} can carry. */
export type BffErrorCode = ErrorCode | KitErrorCode

/** Options accepted by the {@link BffError} constructor. */
export interface BffErrorOptions {
  /** HTTP status of the BFF answer; `0` when there was no answer at all. */
  status?: number | undefined
  /** The BFF's correlation id, so a support request can be matched to a log line. */
  correlationId?: string | undefined
  /** Seconds the BFF asked the client to wait before retrying (rate limits, outages). */
  retryAfter?: number | undefined
  /**
   * With `transaction_from_too_early`: the earliest `consent.transactionFromDateTime` the bank
   * allows, to offer as "as far back as this bank allows".
   */
  earliestTransactionFrom?: string | undefined
  /** Evidence (a zod issue list, a `TypeError` from fetch). Kept non-enumerable. */
  cause?: unknown
}

/**
 * The one error the kit throws or reports for anything that went wrong talking to the BFF or
 * during a connect flow. Switch on `code`, never on `message`.
 *
 * The `cause` is non-enumerable so that serialising the error (a log line, `JSON.stringify`)
 * never carries a raw response along.
 *
 * @see docs/decisions/008-errors-are-data.md — errors are data.
 */
export class BffError extends Error {
  override readonly name = 'BffError'
  /** Stable, machine-readable code from the shared contract, or a kit-side code. */
  readonly code: BffErrorCode
  /** HTTP status; `0` when the request never got an answer. */
  readonly status: number
  /** The BFF's correlation id, when it sent one. */
  readonly correlationId: string | undefined
  /** Seconds to wait before retrying, when the BFF said so. */
  readonly retryAfter: number | undefined
  /** The earliest transaction date the bank allows, with `transaction_from_too_early`. */
  readonly earliestTransactionFrom: string | undefined

  /**
   * @param code - stable error code
   * @param message - developer-facing message (never shown verbatim to users; see `describeError`)
   * @param options - status, correlation id and evidence
   */
  constructor(code: BffErrorCode, message: string, options: BffErrorOptions = {}) {
    super(message)
    this.code = code
    this.status = options.status ?? 0
    this.correlationId = options.correlationId
    this.retryAfter = options.retryAfter
    this.earliestTransactionFrom = options.earliestTransactionFrom
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', {
        value: options.cause,
        enumerable: false,
        configurable: true,
        writable: false,
      })
    }
  }
}

/**
 * Narrows an unknown thrown value to a {@link BffError}.
 *
 * @param value - anything caught
 * @returns whether `value` is a `BffError`
 */
export function isBffError(value: unknown): value is BffError {
  return value instanceof BffError
}

/**
 * Turns anything thrown into a {@link BffError}, so hooks expose one error type.
 *
 * @param value - anything caught
 * @returns the same `BffError`, or a `network_error` wrapping the unknown value as `cause`
 */
export function toBffError(value: unknown): BffError {
  if (value instanceof BffError) return value
  return new BffError('network_error', 'The request to the server failed.', { cause: value })
}
