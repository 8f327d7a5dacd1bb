import { describe, expect, it } from 'vitest'

import type { MoneyhubError } from '../errors'
import { json } from '../../../test/support/moneyhub-harness'
import { checkTokenResponse } from './token-response'

const NOW = Date.UTC(2026, 0, 1)

async function codeOf(
  response: Response,
  grant: 'authorization_code' | 'refresh_token' | 'client_credentials',
): Promise<string> {
  const err = await checkTokenResponse(response, grant, NOW).catch((e: unknown) => e)
  return (err as MoneyhubError).code
}

const invalidGrant = () =>
  json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, 400)

describe('checkTokenResponse', () => {
  it('maps invalid_grant on refresh and on client_credentials to reauth_required (S7)', async () => {
    expect(await codeOf(invalidGrant(), 'refresh_token')).toBe('reauth_required')
    expect(await codeOf(invalidGrant(), 'client_credentials')).toBe('reauth_required')
  })

  it('keeps invalid_grant on a code exchange a token_request_failed (a replayed or stale code)', async () => {
    expect(await codeOf(invalidGrant(), 'authorization_code')).toBe('token_request_failed')
  })

  it('keeps other OAuth errors on client_credentials a token_request_failed', async () => {
    for (const error of ['invalid_request', 'invalid_scope', 'invalid_client']) {
      expect(await codeOf(json({ error }, 400), 'client_credentials')).toBe('token_request_failed')
    }
  })

  it('passes 429 and 503 through with their retry hint, whatever the grant', async () => {
    const err = await checkTokenResponse(
      json({ error: 'invalid_grant' }, 503, { 'retry-after': '7' }),
      'client_credentials',
      NOW,
    ).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'upstream_unavailable', retryAfter: 7 })
    expect(await codeOf(json({ error: 'x' }, 429), 'client_credentials')).toBe('rate_limited')
  })
})
