/**
 * A token for a user (client_credentials with `sub`) is refused with `invalid_grant` once the
 * user's consent has lapsed (revoked or expired grant), and only then
 * (docs/moneyhub-protocol.md §6.3, §6.5).
 */
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID } from '../src/index'
import {
  call,
  claimString,
  clientToken,
  connectUser,
  finish,
  pushSigned,
  startWithClient,
  type TestClient,
} from './oauth-client'

const GRANT_TTL_S = 90 * 24 * 3600

/** The token endpoint's answer to a token-for-user request, read by oauth4webapi. */
async function tokenForUser(
  t: TestClient,
  sub: string,
): Promise<{ ok: true } | { ok: false; status: number; error: string; body: unknown }> {
  const response = await oauth.clientCredentialsGrantRequest(
    t.as,
    t.client,
    t.auth,
    { scope: 'accounts:read', sub },
    t.options,
  )
  try {
    await oauth.processClientCredentialsResponse(t.as, t.client, response)
    return { ok: true }
  } catch (error) {
    if (!(error instanceof oauth.ResponseBodyError)) throw error
    return { ok: false, status: error.status, error: error.error, body: error.cause }
  }
}

/** A further AIS consent of an existing user (a second connection). */
async function connectAgain(t: TestClient, userId: string): Promise<string> {
  const flow = await pushSigned(t, {
    scope: `openid id:${MOCK_BANK_ID}`,
    claims: {
      id_token: { sub: { essential: true, value: userId }, 'mh:con_id': { essential: true } },
    },
  })
  const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
  expect(claims.sub).toBe(userId)
  return claimString(claims, 'mh:con_id')
}

describe('token for a user whose consent lapsed', () => {
  let t: TestClient

  beforeAll(async () => {
    t = await startWithClient()
  })
  afterAll(async () => {
    await t.sim.close()
  })

  it('answers 400 invalid_grant once the user revoked their consent', async () => {
    const { userId } = await connectUser(t)
    const other = await connectUser(t)
    expect(await tokenForUser(t, userId)).toEqual({ ok: true })

    expect(await t.sim.admin.revokeGrant({ sub: userId })).toBe(1)
    expect(await tokenForUser(t, userId)).toEqual({
      ok: false,
      status: 400,
      error: 'invalid_grant',
      body: { error: 'invalid_grant', error_description: 'grant request is invalid' },
    })
    // Nobody else is affected, nor are client-level tokens.
    expect(await tokenForUser(t, other.userId)).toEqual({ ok: true })
    expect(await clientToken(t, 'user:read')).toBeTypeOf('string')
  })

  it('issues tokens again once the user consents again', async () => {
    const { userId } = await connectUser(t)
    await t.sim.admin.revokeGrant({ sub: userId })
    expect(await tokenForUser(t, userId)).toMatchObject({ ok: false, error: 'invalid_grant' })

    await connectAgain(t, userId)
    expect(await tokenForUser(t, userId)).toEqual({ ok: true })
  })

  it('refuses every consent of the user once all of them were revoked', async () => {
    const { userId } = await connectUser(t)
    await connectAgain(t, userId)
    expect(await t.sim.admin.revokeGrant({ sub: userId })).toBe(2)
    expect(await tokenForUser(t, userId)).toMatchObject({ ok: false, error: 'invalid_grant' })
  })

  it('still issues tokens when only a connection\u2019s bank consent expired (data API 403)', async () => {
    const { userId, connectionId } = await connectUser(t)
    await t.sim.admin.expireConsent(connectionId)
    expect(await tokenForUser(t, userId)).toEqual({ ok: true })
    const accounts = await call(
      `${t.sim.apiUrl}/accounts`,
      await clientToken(t, 'accounts:read', userId),
    )
    expect(accounts.status).toBe(403)
    expect(accounts.body).toMatchObject({ code: 'consent_expired' })
  })

  it('still issues tokens after the client deleted the user\u2019s connection', async () => {
    const { userId, connectionId } = await connectUser(t)
    const deleted = await call(
      `${t.sim.identityUrl}/users/${userId}/connection/${encodeURIComponent(connectionId)}`,
      await clientToken(t, 'connection:delete'),
      { method: 'DELETE' },
    )
    expect(deleted.status).toBe(204)
    expect(await tokenForUser(t, userId)).toEqual({ ok: true })
  })

  it('still issues tokens for a user who never consented', async () => {
    const created = await call(`${t.sim.identityUrl}/users`, await clientToken(t, 'user:create'), {
      method: 'POST',
      body: { clientUserId: 'never-consented' },
    })
    expect(created.status).toBe(201)
    const { userId } = created.body as { userId: string }
    expect(await tokenForUser(t, userId)).toEqual({ ok: true })
  })
})

describe('token for a user whose grant expired', () => {
  let t: TestClient

  beforeAll(async () => {
    t = await startWithClient()
  })
  afterAll(async () => {
    await t.sim.close()
  })

  it('answers 400 invalid_grant once the grant outlived its lifetime', async () => {
    const { userId } = await connectUser(t)
    await t.sim.admin.advanceClock(GRANT_TTL_S - 60)
    expect(await tokenForUser(t, userId)).toEqual({ ok: true })
    await t.sim.admin.advanceClock(120)
    expect(await tokenForUser(t, userId)).toMatchObject({
      ok: false,
      status: 400,
      error: 'invalid_grant',
    })
  })
})
