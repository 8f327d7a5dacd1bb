import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * Answer with Moneyhub's data-API error body `{ code, message, correlationId }`.
 *
 * @param c - Hono context.
 * @param status - HTTP status (400, 401, 403, 404, 429, ...).
 * @param code - Stable error code.
 * @param message - Human-readable text (never echoes tokens or input).
 * @returns The response.
 */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response {
  return c.json({ code, message, correlationId: randomUUID() }, status)
}
