import { describe, expect, it } from 'vitest'
import { MoneyhubError, isMoneyhubError } from './errors'
import { ISSUER, harness, json } from '../../test/support/moneyhub-harness'

describe('MoneyhubError', () => {
  it('keeps the evidence in a non-enumerable cause', () => {
    const response = new Response('secret body')
    const err = new MoneyhubError('upstream_error', 'failed', { status: 500, cause: response })
    expect(err.cause).toBe(response)
    expect(Object.keys(err)).not.toContain('cause')
    expect(JSON.stringify(err)).not.toContain('secret')
    expect(isMoneyhubError(err, 'upstream_error')).toBe(true)
    expect(isMoneyhubError(err, 'not_found')).toBe(false)
  })

  it('never carries a token, code, verifier or assertion in message or fields', async () => {
    const h = await harness()
    const secrets = ['AT-SECRET-1', 'CODE-SECRET-2', 'V'.repeat(43)]
    h.up.on('POST', `${ISSUER}/token`, () =>
      json({ error: 'invalid_grant', error_description: `code CODE-SECRET-2 AT-SECRET-1` }, 400),
    )
    const err = await h.client
      .exchangeCode({
        callbackParams: new URLSearchParams({ code: 'CODE-SECRET-2', state: 's', iss: ISSUER }),
        expectedState: 's',
        expectedNonce: 'n',
        codeVerifier: 'V'.repeat(43),
      })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MoneyhubError)
    const assertion = new URLSearchParams(h.up.calls.at(-1)?.body).get('client_assertion') ?? ''
    const visible = `${(err as Error).message} ${JSON.stringify(err)} ${String(err)}`
    for (const s of [...secrets, assertion]) expect(visible).not.toContain(s)
  })

  it('never gives the logger a token, code, verifier or assertion', async () => {
    const lines: string[] = []
    const record = (fields: Record<string, unknown>, msg: string) => {
      lines.push(`${msg} ${JSON.stringify(fields)}`)
    }
    const h = await harness({
      logger: { debug: record, info: record, warn: record, error: record },
    })
    const idToken = await h.idToken({ 'mh:con_id': 'bank:con-1' })
    h.up.on('POST', `${ISSUER}/token`, () =>
      json({
        access_token: 'AT-SECRET-9',
        token_type: 'Bearer',
        refresh_token: 'RT-SECRET-9',
        id_token: idToken,
      }),
    )
    await h.client.exchangeCode({
      callbackParams: new URLSearchParams({ code: 'CODE-SECRET-9', state: 's', iss: ISSUER }),
      expectedState: 's',
      expectedNonce: 'nonce-1',
      codeVerifier: 'W'.repeat(43),
    })
    await h.client.tokenForUser('user-1', ['accounts:read'])
    const assertion =
      new URLSearchParams(h.up.callsTo(`${ISSUER}/token`)[0]?.body).get('client_assertion') ?? ''
    expect(lines.length).toBeGreaterThan(0)
    const logged = lines.join('\n')
    for (const s of [
      'AT-SECRET-9',
      'RT-SECRET-9',
      'CODE-SECRET-9',
      'W'.repeat(43),
      assertion,
      idToken,
    ]) {
      expect(logged).not.toContain(s)
    }
  })
})
