import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { bffRejection } from '../../test/bff-rejection'
import { errorBody, fakeBff, json } from '../../test/fake-bff'
import { account } from '../../test/fixtures'
import { createBffClient } from './bff-client'

describe('createBffClient', () => {
  it('sends X-CSRF: 1 and same-origin credentials on a GET', async () => {
    const bff = fakeBff({ 'GET /api/accounts': () => json({ data: [account] }) })
    const client = createBffClient({ fetch: bff.fetch })
    const answer = await client.request({
      method: 'GET',
      path: '/accounts',
      schema: 'accounts',
    })
    expect(answer.data[0]?.id).toBe(account.id)
    const [call] = bff.calls
    expect(call?.headers.get('x-csrf')).toBe('1')
    expect(call?.credentials).toBe('same-origin')
    expect(call?.headers.get('content-type')).toBeNull()
  })

  it('sends X-CSRF, JSON content type and the body on a POST', async () => {
    const bff = fakeBff({ 'POST /api/logout': () => json({ ok: true }) })
    const client = createBffClient({ fetch: bff.fetch, basePath: '/bff/' })
    bff.on('POST /bff/logout', () => json({ ok: true }))
    await client.request({ method: 'POST', path: '/logout', body: { a: 1 }, schema: null })
    const [call] = bff.calls
    expect(call?.path).toBe('/bff/logout')
    expect(call?.headers.get('x-csrf')).toBe('1')
    expect(call?.headers.get('content-type')).toBe('application/json')
    expect(call?.body).toEqual({ a: 1 })
  })

  it('leaves undefined query values out and encodes the rest', async () => {
    const bff = fakeBff({ 'GET /api/transactions': () => json({}) })
    const client = createBffClient({ fetch: bff.fetch })
    await client.request({
      method: 'GET',
      path: '/transactions',
      query: { accountId: 'a b', limit: 10, offset: undefined },
      schema: null,
    })
    expect(bff.calls[0]?.query.toString()).toBe('accountId=a+b&limit=10')
  })

  it('turns a contract error body into a BffError with its code, status and correlation id', async () => {
    const bff = fakeBff({ 'GET /api/accounts': () => errorBody('consent_expired', 403) })
    const client = createBffClient({ fetch: bff.fetch })
    const error = await bffRejection(
      client.request({ method: 'GET', path: '/accounts', schema: 'accounts' }),
    )
    expect(error.code).toBe('consent_expired')
    expect(error.status).toBe(403)
    expect(error.correlationId).toBe('req-123')
  })

  it('carries retryAfter from a rate-limit error body', async () => {
    const bff = fakeBff({
      'GET /api/accounts': () =>
        json(
          {
            error: {
              code: 'rate_limited',
              message: 'Slow down.',
              correlationId: 'r1',
              retryAfter: 30,
            },
          },
          429,
        ),
    })
    const error = await bffRejection(
      createBffClient({ fetch: bff.fetch }).request({
        method: 'GET',
        path: '/accounts',
        schema: null,
      }),
    )
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfter).toBe(30)
  })

  it('carries earliestTransactionFrom from a transaction_from_too_early body', async () => {
    const bff = fakeBff({
      'POST /api/connect': () =>
        json(
          {
            error: {
              code: 'transaction_from_too_early',
              message: 'Too far back.',
              correlationId: 'r1',
              earliestTransactionFrom: '2024-12-07T00:00:00.000Z',
            },
          },
          400,
        ),
    })
    const error = await bffRejection(
      createBffClient({ fetch: bff.fetch }).request({
        method: 'POST',
        path: '/connect',
        body: { kind: 'ais' },
        schema: null,
      }),
    )
    expect(error.code).toBe('transaction_from_too_early')
    expect(error.earliestTransactionFrom).toBe('2024-12-07T00:00:00.000Z')
  })

  it('names a missing CSRF header in a console diagnostic', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const bff = fakeBff({ 'GET /api/accounts': () => errorBody('csrf_header_missing', 403) })
    const error = await bffRejection(
      createBffClient({ fetch: bff.fetch }).request({
        method: 'GET',
        path: '/accounts',
        schema: null,
      }),
    )
    expect(error.code).toBe('csrf_header_missing')
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('csrf_header_missing'))
    consoleError.mockRestore()
  })

  it('reports invalid_response for an error that is not the contract shape, without relaying its text', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const bff = fakeBff({
      'GET /api/accounts': () => new Response('<h1>Bad Gateway from proxy</h1>', { status: 502 }),
    })
    const error = await bffRejection(
      createBffClient({ fetch: bff.fetch }).request({
        method: 'GET',
        path: '/accounts',
        schema: null,
      }),
    )
    expect(error.code).toBe('invalid_response')
    expect(error.status).toBe(502)
    expect(error.message).not.toContain('proxy')
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('No BFF error body at /api'))
    consoleError.mockRestore()
  })

  it('reports invalid_response when a 200 answer fails schema validation', async () => {
    const bff = fakeBff({
      'POST /api/connect': () =>
        json({ flowId: 'x', url: 'javascript:alert(1)', expiresAt: 'soon' }),
    })
    const error = await bffRejection(
      createBffClient({ fetch: bff.fetch }).request({
        method: 'POST',
        path: '/connect',
        schema: 'connect',
      }),
    )
    expect(error.code).toBe('invalid_response')
    expect(error.status).toBe(200)
    // The evidence is kept but never enumerable, so it stays out of logs and JSON.
    expect(Object.keys(error)).not.toContain('cause')
    expect(error.cause).toBeDefined()
  })

  it('validates with a zod schema of the caller when one is given instead of a name', async () => {
    const bff = fakeBff({
      'GET /api/custom': () => json({ count: 3 }),
      'GET /api/custom-bad': () => json({ count: 'three' }),
    })
    const client = createBffClient({ fetch: bff.fetch })
    const schema = z.strictObject({ count: z.int() })
    await expect(client.request({ method: 'GET', path: '/custom', schema })).resolves.toEqual({
      count: 3,
    })
    const error = await bffRejection(client.request({ method: 'GET', path: '/custom-bad', schema }))
    expect(error.code).toBe('invalid_response')
  })

  it('reports invalid_response for a 200 answer that is not JSON', async () => {
    const bff = fakeBff({
      'GET /api/accounts': () =>
        new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
    })
    const error = await bffRejection(
      createBffClient({ fetch: bff.fetch }).request({
        method: 'GET',
        path: '/accounts',
        schema: 'accounts',
      }),
    )
    expect(error.code).toBe('invalid_response')
  })

  it('reports invalid_response for malformed JSON', async () => {
    const bff = fakeBff({
      'GET /api/accounts': () =>
        new Response('{"data": [', { headers: { 'content-type': 'application/json' } }),
    })
    const error = await bffRejection(
      createBffClient({ fetch: bff.fetch }).request({
        method: 'GET',
        path: '/accounts',
        schema: 'accounts',
      }),
    )
    expect(error.code).toBe('invalid_response')
  })

  it('reports network_error when fetch itself fails', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch
    const error = await bffRejection(
      createBffClient({ fetch: failing }).request({
        method: 'GET',
        path: '/session',
        schema: null,
      }),
    )
    expect(error.code).toBe('network_error')
    expect(error.status).toBe(0)
  })

  it('refuses a base path on another origin', () => {
    expect(() => createBffClient({ basePath: 'https://evil.example/api' })).toThrow(TypeError)
    expect(() => createBffClient({ basePath: '//evil.example/api' })).toThrow(TypeError)
  })

  it('names the way to check a payment answer when given an unknown schema name', async () => {
    const bff = fakeBff({ 'GET /api/payees': () => json({ data: [] }) })
    const client = createBffClient({ fetch: bff.fetch })
    // Plain JS, or code from before the payment routes' checks moved to paymentSchema(name).
    const request = client.request({ method: 'GET', path: '/payees', schema: 'payees' as never })
    await expect(request).rejects.toThrow(/paymentSchema\(name\)/)
  })
})
