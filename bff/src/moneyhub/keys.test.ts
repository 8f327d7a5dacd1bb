import { generateKeyPairSync } from 'node:crypto'
import { calculateJwkThumbprint } from 'jose'
import { describe, expect, it } from 'vitest'
import { generateClientKey, loadClientKeys, publicJwks } from './keys'

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi']

describe('client keys', () => {
  it('loads an RSA 2048 PEM as PS256 with a thumbprint kid and publishes only public members', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const keys = await loadClientKeys({ pem })
    expect(keys.signing.alg).toBe('PS256')
    const [jwk] = publicJwks(keys).keys
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'PS256', use: 'sig', kid: keys.signing.kid })
    for (const m of PRIVATE_MEMBERS) expect(jwk).not.toHaveProperty(m)
    expect(keys.signing.kid).toBe(
      await calculateJwkThumbprint({ kty: 'RSA', n: jwk?.n ?? '', e: jwk?.e ?? '' }),
    )
  })

  it('loads an EC P-256 JWK string as ES256 and keeps a given kid', async () => {
    const { kid: _kid, ...jwk } = await generateClientKey('ES256')
    const keys = await loadClientKeys({ jwk: JSON.stringify(jwk), kid: 'mine' })
    expect(keys.signing).toMatchObject({ alg: 'ES256', kid: 'mine' })
    expect(publicJwks(keys).keys[0]).not.toHaveProperty('d')
  })

  it("uses a private JWK's own kid, as registered at Moneyhub, and publishes the same kid", async () => {
    const { kid: _thumbprint, ...jwk } = await generateClientKey('PS256')
    const keys = await loadClientKeys({ jwk: JSON.stringify({ ...jwk, kid: 'portal-key-2024' }) })
    expect(keys.signing.kid).toBe('portal-key-2024')
    expect(publicJwks(keys).keys.map((k) => k.kid)).toEqual(['portal-key-2024'])
  })

  it('names a PEM key with the given kid, and falls back to the thumbprint only without one', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const named = await loadClientKeys({ pem, kid: 'pem-key-1' })
    expect(publicJwks(named).keys[0]?.kid).toBe('pem-key-1')
    const { kid: _kid, ...bare } = await generateClientKey('ES256')
    const unnamed = await loadClientKeys({ jwk: bare })
    const [published] = publicJwks(unnamed).keys
    expect(unnamed.signing.kid).toBe(
      await calculateJwkThumbprint({
        kty: 'EC',
        crv: 'P-256',
        x: published?.x ?? '',
        y: published?.y ?? '',
      }),
    )
  })

  it("refuses a given kid that differs from the JWK's own, and a kid that is not a short printable string", async () => {
    const jwk = await generateClientKey('ES256')
    await expect(loadClientKeys({ jwk, kid: 'another' })).rejects.toThrow(/kid/)
    await expect(loadClientKeys({ jwk: { ...jwk, kid: '' } })).rejects.toThrow(/kid/)
    await expect(loadClientKeys({ jwk: { ...jwk, kid: 7 } })).rejects.toThrow(/kid/)
    await expect(loadClientKeys({ jwk, kid: 'x'.repeat(300) })).rejects.toThrow(/kid/)
  })

  it('refuses RSA keys shorter than 2048 bits', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    await expect(
      loadClientKeys({ pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }),
    ).rejects.toThrow(/2048/)
  })

  it('refuses EC curves other than P-256', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
    await expect(loadClientKeys({ jwk: privateKey.export({ format: 'jwk' }) })).rejects.toThrow(
      /P-256/,
    )
  })

  it('refuses a public-only JWK and garbage without echoing it', async () => {
    const jwk = await generateClientKey('ES256')
    const { d: _d, ...publicOnly } = jwk
    await expect(loadClientKeys({ jwk: publicOnly })).rejects.toBeInstanceOf(TypeError)
    const err = await loadClientKeys({ pem: 'not-a-key-SECRETVALUE' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TypeError)
    expect(String((err as Error).message)).not.toContain('SECRETVALUE')
  })

  it('publishes every key for rotation and signs with the first', async () => {
    const a = await generateClientKey('ES256')
    const b = await generateClientKey('PS256')
    const keys = await loadClientKeys([{ jwk: a }, { jwk: b }])
    expect(keys.signing.kid).toBe(a.kid)
    expect(publicJwks(keys).keys.map((k) => k.kid)).toEqual([a.kid, b.kid])
  })

  it('refuses duplicate kids', async () => {
    const a = await generateClientKey('ES256')
    const b = await generateClientKey('ES256')
    await expect(
      loadClientKeys([{ jwk: { ...a, kid: 'x' } }, { jwk: { ...b, kid: 'x' } }]),
    ).rejects.toThrow(/unique/)
  })
})
