import { generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { MoneyhubError } from './errors'
import { ISSUER, harness, json } from '../../test/support/moneyhub-harness'

const CERTS = `${ISSUER}/certs`

describe('JWKS cache', () => {
  it('fetches the JWKS once for many verifications', async () => {
    const h = await harness()
    const token = await h.idToken()
    await Promise.all([1, 2, 3].map(() => h.client.verifyIdToken(token, { nonce: 'nonce-1' })))
    await h.client.verifyIdToken(token, { nonce: 'nonce-1' })
    expect(h.up.callsTo(CERTS)).toHaveLength(1)
  })

  it('refetches after the maximum age', async () => {
    const h = await harness({ jwksMaxAgeMs: 60_000 })
    await h.client.verifyIdToken(await h.idToken(), {})
    h.clock.now += 60_001
    await h.client.verifyIdToken(await h.idToken(), {})
    expect(h.up.callsTo(CERTS)).toHaveLength(2)
  })

  it('accepts a rotated key after one refetch once the cooldown has passed', async () => {
    const h = await harness()
    await h.client.verifyIdToken(await h.idToken(), {})
    const rotated = await generateKeyPair('RS256', { extractable: true })
    const { exportJWK } = await import('jose')
    const newJwk = {
      ...(await exportJWK(rotated.publicKey)),
      kid: 'as-2',
      alg: 'RS256',
      use: 'sig',
    }
    h.up.on('GET', CERTS, () => json({ keys: [h.asJwk, newJwk] }))
    h.clock.now += 30_000
    const claims = await h.client.verifyIdToken(
      await h.idToken({}, { kid: 'as-2', key: rotated.privateKey }),
      {},
    )
    expect(claims.sub).toBe('user-1')
    expect(h.up.callsTo(CERTS)).toHaveLength(2)
  })

  it('rejects a malformed JWKS without caching it', async () => {
    const h = await harness()
    h.up
      .once('GET', CERTS, () => json({ nope: true }))
      .once('GET', CERTS, () => json({ keys: [h.asJwk] }))
    const err = await h.client.verifyIdToken(await h.idToken(), {}).catch((e: unknown) => e)
    expect((err as MoneyhubError).code).toBe('invalid_upstream_response')
    await expect(h.client.verifyIdToken(await h.idToken(), {})).resolves.toMatchObject({
      sub: 'user-1',
    })
  })

  it('rejects an ID token without kid when the set has several keys', async () => {
    const h = await harness()
    const other = await generateKeyPair('RS256', { extractable: true })
    const { exportJWK, SignJWT } = await import('jose')
    const otherJwk = {
      ...(await exportJWK(other.publicKey)),
      kid: 'as-3',
      alg: 'RS256',
      use: 'sig',
    }
    h.up.on('GET', CERTS, () => json({ keys: [h.asJwk, otherJwk] }))
    const now = Math.floor(h.clock.now / 1000)
    const token = await new SignJWT({
      iss: ISSUER,
      sub: 'u',
      aud: 'client-1',
      iat: now,
      exp: now + 60,
    })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(h.asKey)
    const err = await h.client.verifyIdToken(token, {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MoneyhubError)
    expect((err as MoneyhubError).code).toBe('invalid_id_token')
  })
})
