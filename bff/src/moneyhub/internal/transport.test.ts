import { describe, expect, it, vi } from 'vitest'
import { MoneyhubError } from '../errors'
import type { HttpRequester, UpstreamReply, UpstreamRequest } from '../http'
import {
  assertSecureUrl,
  createBreaker,
  oauthRequestOptions,
  parseRetryAfter,
  peekText,
  sendText,
  type Transport,
} from './transport'
import * as oauth from 'oauth4webapi'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7)
  })
  it('reads an HTTP-date relative to now', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:09 GMT', now)).toBe(9)
  })
  it('clamps a date in the past to zero', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
  })
  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
  })
})

describe('assertSecureUrl', () => {
  it('accepts https anywhere and http only on loopback when allowed', () => {
    expect(assertSecureUrl('https://api.test/v3', false, 'x').host).toBe('api.test')
    expect(assertSecureUrl('http://127.0.0.1:1/v3', true, 'x').port).toBe('1')
    expect(assertSecureUrl('http://localhost:1/v3', true, 'x').hostname).toBe('localhost')
    expect(() => assertSecureUrl('http://127.0.0.1:1/v3', false, 'x')).toThrow(TypeError)
    expect(() => assertSecureUrl('http://10.0.0.1/v3', true, 'x')).toThrow(TypeError)
    expect(() => assertSecureUrl('ftp://api.test', true, 'x')).toThrow(TypeError)
    expect(() => assertSecureUrl('not a url', true, 'x')).toThrow(TypeError)
  })
})

describe('createBreaker', () => {
  it('opens after consecutive failures, refuses with retryAfter, then lets one probe decide', () => {
    let now = 0
    const breaker = createBreaker(() => now, 'data', { failureThreshold: 3, openMs: 10_000 })
    breaker.record(false)
    breaker.record(false)
    breaker.record(true) // a success resets the count
    breaker.record(false)
    breaker.record(false)
    expect(() => breaker.admit()).not.toThrow()
    breaker.record(false) // third in a row: open
    now = 2_500
    let refused: unknown
    try {
      breaker.admit()
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(MoneyhubError)
    expect(refused).toMatchObject({ code: 'upstream_unavailable', retryAfter: 8 })
    now = 10_000
    expect(() => breaker.admit()).not.toThrow() // the probe
    expect(() => breaker.admit()).toThrow(MoneyhubError) // only one probe at a time
    breaker.record(false) // the probe failed: open again, for a full period
    now = 19_999
    expect(() => breaker.admit()).toThrow(MoneyhubError)
    now = 20_000
    expect(() => breaker.admit()).not.toThrow()
    breaker.record(true) // the probe succeeded: closed
    expect(() => breaker.admit()).not.toThrow()
    expect(() => breaker.admit()).not.toThrow()
  })
})

describe('sendText', () => {
  function transport(request: HttpRequester, now = () => 0): Transport {
    return {
      request,
      now,
      random: () => 0,
      sleep: () => Promise.resolve(),
      allowInsecureLoopback: true,
      timeouts: { identity: 1_000, jwks: 1_000, data: 2_000 },
      maxRetries: 2,
      baseDelayMs: 0,
      maxRetryAfterMs: 5_000,
      breakers: {
        identity: createBreaker(now, 'identity', { failureThreshold: 2 }),
        data: createBreaker(now, 'data', { failureThreshold: 2 }),
      },
    }
  }
  const reply = (status: number): UpstreamReply => ({ status, header: () => null, text: '' })
  const get = { method: 'GET', url: 'http://127.0.0.1:1/v3/accounts', kind: 'data' as const }

  it('passes the timeout of the call kind and retries a GET on 503', async () => {
    const seen: UpstreamRequest[] = []
    const statuses = [503, 200]
    const t = transport((request) => {
      seen.push(request)
      return Promise.resolve(reply(statuses.shift() ?? 500))
    })
    const answer = await sendText(t, {
      ...get,
      headers: { accept: 'application/json' },
      retry: true,
    })
    expect(answer.status).toBe(200)
    expect(seen).toHaveLength(2)
    expect(seen[0]).toMatchObject({ timeoutMs: 2_000, headers: { accept: 'application/json' } })
    // One x-fapi-interaction-id per call, the same on its retry (docs/security.md L3).
    const id = seen[0]?.headers['x-fapi-interaction-id']
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(seen[1]?.headers['x-fapi-interaction-id']).toBe(id)
    expect(answer.interactionId).toBe(id)
    await sendText(t, { ...get, headers: {}, retry: true })
    expect(seen[2]?.headers['x-fapi-interaction-id']).not.toBe(id)
  })

  it('maps a TimeoutError to upstream_timeout without a retry', async () => {
    let calls = 0
    const t = transport(() => {
      calls += 1
      return Promise.reject(new DOMException('late', 'TimeoutError'))
    })
    await expect(sendText(t, { ...get, headers: {}, retry: true })).rejects.toMatchObject({
      code: 'upstream_timeout',
      interactionId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    })
    expect(calls).toBe(1)
  })

  it('stops calling a failing upstream once its circuit opens, and spares the other one', async () => {
    let calls = 0
    const t = transport(() => {
      calls += 1
      return Promise.resolve(reply(502))
    })
    for (let i = 0; i < 2; i++) {
      expect((await sendText(t, { ...get, headers: {}, retry: false })).status).toBe(502)
    }
    await expect(sendText(t, { ...get, headers: {}, retry: false })).rejects.toMatchObject({
      code: 'upstream_unavailable',
      retryAfter: 10,
    })
    expect(calls).toBe(2)
    // The identity upstream has its own circuit, still closed.
    const identity = { ...get, kind: 'identity' as const, headers: {}, retry: false }
    expect((await sendText(t, identity)).status).toBe(502)
    expect(calls).toBe(3)
  })

  it('carries oauth4webapi over the same requester: form body, its headers, a web Response back', async () => {
    const seen: UpstreamRequest[] = []
    const t = transport((request) => {
      seen.push(request)
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer error="x"',
        'x-unread': 'dropped',
      }
      return Promise.resolve({
        status: 201,
        header: (name) => headers[name.toLowerCase()] ?? null,
        text: '{"ok":true}',
      })
    })
    const customFetch = oauthRequestOptions(t)[oauth.customFetch]
    const response = await customFetch('http://127.0.0.1:1/oidc/token', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', sub: 'u 1' }),
      redirect: 'manual',
    })
    expect(seen[0]).toMatchObject({
      method: 'POST',
      timeoutMs: 1_000,
      body: 'grant_type=client_credentials&sub=u+1',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      },
    })
    expect(seen[0]?.headers['x-fapi-interaction-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="x"')
    // The body can be read without consuming the response, as the token checks do.
    expect(await peekText(response)).toBe('{"ok":true}')
    expect(response.bodyUsed).toBe(false)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('peeks at the reply it was built from without copying the stream, as text() reads it', async () => {
    const texts = ['\uFEFF{"bom":true}', '{"plain":1}']
    const t = transport(() =>
      Promise.resolve({
        status: 200,
        header: (name) => (name === 'content-type' ? 'application/json' : null),
        text: texts.shift() ?? '',
      }),
    )
    const customFetch = oauthRequestOptions(t)[oauth.customFetch]
    const clone = vi.spyOn(Response.prototype, 'clone')
    try {
      for (let i = 0; i < 2; i++) {
        const response = await customFetch('http://127.0.0.1:1/oidc/token', {
          method: 'POST',
          headers: {},
          body: 'a=b',
          redirect: 'manual',
        })
        const peeked = await peekText(response)
        expect(peeked).toBe(await response.text())
      }
      expect(clone).not.toHaveBeenCalled()
    } finally {
      clone.mockRestore()
    }
  })

  it('peeks at the body of a Response it did not build through a clone', async () => {
    const response = new Response('{"other":1}')
    expect(await peekText(response)).toBe('{"other":1}')
    expect(await response.text()).toBe('{"other":1}')
  })

  it('gives a 204 answer on the oauth path a null body, and never retries its POST', async () => {
    let calls = 0
    const t = transport(() => {
      calls += 1
      return Promise.resolve(reply(calls === 1 ? 204 : 503))
    })
    const customFetch = oauthRequestOptions(t)[oauth.customFetch]
    const empty = await customFetch('http://127.0.0.1:1/oidc/revoke', {
      method: 'POST',
      headers: {},
      body: 'token=x',
      redirect: 'manual',
    })
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
    expect(await peekText(empty)).toBe('')
    const failed = await customFetch('http://127.0.0.1:1/oidc/token', {
      method: 'POST',
      headers: {},
      body: 'a=b',
      redirect: 'manual',
    })
    expect(failed.status).toBe(503)
    expect(calls).toBe(2)
  })
})
