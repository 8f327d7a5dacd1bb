import { describe, expect, it } from 'vitest'

import { unpackUnsignedRequestObject } from './unsigned-request-object'

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const unsigned = (
  payload: unknown,
  header: unknown = { alg: 'none', typ: 'oauth-authz-req+jwt' },
) => `${encode(header)}.${encode(payload)}.`
const clients = new Set(['plain'])

describe('unpackUnsignedRequestObject', () => {
  it('turns the object into parameters, with claims as a JSON string and no JWT housekeeping', () => {
    const out = unpackUnsignedRequestObject(
      new URLSearchParams({
        request: unsigned({
          client_id: 'plain',
          scope: 'openid id:test',
          claims: { id_token: { sub: { essential: true } } },
          iss: 'plain',
          aud: 'http://issuer',
          exp: 1,
        }),
      }),
      clients,
    )
    expect(out?.get('request')).toBeNull()
    expect(out?.get('scope')).toBe('openid id:test')
    expect(JSON.parse(out?.get('claims') ?? '')).toEqual({ id_token: { sub: { essential: true } } })
    expect(out?.has('iss')).toBe(false)
    expect(out?.has('exp')).toBe(false)
  })

  it('leaves a client that must sign to oidc-provider', () => {
    const params = new URLSearchParams({ request: unsigned({ client_id: 'signer' }) })
    expect(unpackUnsignedRequestObject(params, clients)).toBeUndefined()
  })

  it('leaves signed objects alone', () => {
    const params = new URLSearchParams({
      request: `${encode({ alg: 'PS256' })}.${encode({ client_id: 'plain' })}.c2ln`,
    })
    expect(unpackUnsignedRequestObject(params, clients)).toBeUndefined()
  })

  it('refuses an outer client_id that differs from the object', () => {
    const params = new URLSearchParams({
      client_id: 'other',
      request: unsigned({ client_id: 'plain' }),
    })
    expect(unpackUnsignedRequestObject(params, clients)).toBeUndefined()
  })

  it('ignores garbage', () => {
    expect(
      unpackUnsignedRequestObject(new URLSearchParams({ request: 'x.y.' }), clients),
    ).toBeUndefined()
    expect(unpackUnsignedRequestObject(new URLSearchParams(), clients)).toBeUndefined()
  })
})
