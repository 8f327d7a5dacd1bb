/**
 * Shared first half of every token response check: status, JSON, shape (docs/security.md P13, P14).
 * The body is read without consuming the response, so oauth4webapi can process it afterwards.
 */
import { z } from 'zod'
import { MoneyhubError } from '../errors'
import { errorFromResponse, isJson } from './responses'
import { peekText } from './transport'

/** RFC 6749 §5.1 token response, as far as this client relies on it. */
const tokenBodySchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().refine((v) => v.toLowerCase() === 'bearer', 'token_type must be Bearer'),
  expires_in: z.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
  id_token: z.string().min(1).optional(),
})
export type TokenBody = z.infer<typeof tokenBodySchema>

/**
 * Check a token-endpoint response before oauth4webapi processes it.
 *
 * @param grant - which grant, so `invalid_grant` on refresh or client_credentials becomes
 *   `reauth_required`
 * @throws MoneyhubError `rate_limited` (429), `upstream_unavailable` (502–504),
 *   `reauth_required` (`invalid_grant` on refresh, or on client_credentials: the user's consent
 *   was revoked or expired, docs/security.md S7), `token_request_failed` (any other non-200),
 *   `invalid_upstream_response` (200 that is not a JSON token response)
 */
export async function checkTokenResponse(
  response: Response,
  grant: 'authorization_code' | 'refresh_token' | 'client_credentials',
  nowMs: number,
): Promise<TokenBody> {
  if (response.status !== 200) {
    const mapped = await errorFromResponse(response, nowMs)
    if (
      mapped.code === 'rate_limited' ||
      mapped.code === 'upstream_unavailable' ||
      mapped.code === 'upstream_timeout'
    ) {
      throw mapped
    }
    const details = {
      status: response.status,
      cause: response,
      ...(mapped.error !== undefined ? { error: mapped.error } : {}),
    }
    if (grant === 'refresh_token' && mapped.error === 'invalid_grant') {
      throw new MoneyhubError('reauth_required', 'the refresh token is no longer valid', details)
    }
    if (grant === 'client_credentials' && mapped.error === 'invalid_grant') {
      // A token for a user whose consent was revoked or has expired (docs/security.md S7).
      throw new MoneyhubError('reauth_required', 'the user must authorise again', details)
    }
    throw new MoneyhubError(
      'token_request_failed',
      `token request failed (${response.status})`,
      details,
    )
  }
  if (!isJson(response)) {
    throw new MoneyhubError('invalid_upstream_response', 'token response is not JSON', {
      status: 200,
      cause: response,
    })
  }
  let body: unknown
  try {
    body = JSON.parse(await peekText(response))
  } catch (cause) {
    throw new MoneyhubError('invalid_upstream_response', 'token response is malformed JSON', {
      status: 200,
      cause,
    })
  }
  const parsed = tokenBodySchema.safeParse(body)
  if (!parsed.success) {
    throw new MoneyhubError('invalid_upstream_response', 'token response has an unexpected shape', {
      status: 200,
      cause: parsed.error,
    })
  }
  return parsed.data
}
