/**
 * Bank logos from the app's own origin: `GET /api/banks` hands out `/api/banks/<id>/icon`, and
 * that route fetches the bank's upstream `iconUrl` (the simulator's `/bank-icons/:bankRef`) once,
 * passes on only accepted image types with a day's public cache and a sandboxing CSP, and
 * refuses unknown banks before any upstream call.
 */
import { MOCK_BANK_ID } from '@mhkit/sim'
import { bankListResponseSchema, errorBodySchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import type { FetchLike } from '../../src/moneyhub'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'

const world = simWorldPerFile()

/** The global fetch to the simulator, counting the logo requests that reach it. */
function countingFetch(answer?: () => Response): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    fetch: (input, init) => {
      calls.push(input)
      return answer === undefined ? fetch(input, init) : Promise.resolve(answer())
    },
  }
}

function bff(icons: { fetch: FetchLike; maxBytes?: number }) {
  const bankIcons = { fetch: icons.fetch, allowInsecureLoopback: true }
  return bffOverSim(world, {
    config: {
      bankIcons:
        icons.maxBytes === undefined ? bankIcons : { ...bankIcons, maxBytes: icons.maxBytes },
    },
  })
}

// An <img> request: no X-CSRF, no Origin, same-site.
const img = { headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Dest': 'image' } }

describe('GET /api/banks/:bankId/icon', () => {
  it('lists each bank’s logo as a same-origin path the app’s img-src ’self’ allows', async () => {
    const { browser } = bff(countingFetch())
    const res = await browser.get('/api/banks')
    const banks = bankListResponseSchema.parse(await res.json()).data
    const mock = banks.find((bank) => bank.id === MOCK_BANK_ID)
    expect(mock?.iconUrl).toBe(`/api/banks/${MOCK_BANK_ID}/icon`)
    for (const bank of banks)
      expect(bank.iconUrl ?? '/').toMatch(/^\/api\/banks\/[0-9a-f]{32}\/icon$|^\/$/)
  })

  it('serves the simulator’s SVG without X-CSRF, cached for a day and sandboxed', async () => {
    const upstream = countingFetch()
    const { app } = bff(upstream)
    const res = await app.request(`/api/banks/${MOCK_BANK_ID}/icon`, img)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    )
    expect(await res.text()).toMatch(/^<svg /)
    expect(upstream.calls).toHaveLength(1)
  })

  it('fetches a logo once and answers later requests from memory', async () => {
    const upstream = countingFetch()
    const { app } = bff(upstream)
    const path = `/api/banks/${MOCK_BANK_ID}/icon`
    const answers = await Promise.all([app.request(path, img), app.request(path, img)])
    const again = await app.request(path, img)
    expect([...answers, again].map((res) => res.status)).toEqual([200, 200, 200])
    expect(upstream.calls).toHaveLength(1)
  })

  it('answers 404 bank_not_found for a bank no list has, without fetching any logo', async () => {
    const upstream = countingFetch()
    const { app } = bff(upstream)
    const res = await app.request(`/api/banks/${'0'.repeat(32)}/icon`, img)
    expect(res.status).toBe(404)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('bank_not_found')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(upstream.calls).toEqual([])
  })

  it('refuses a malformed bank id with 400 invalid_request before any upstream call', async () => {
    const upstream = countingFetch()
    const { app } = bff(upstream)
    const res = await app.request('/api/banks/..%2Fadmin/icon', img)
    expect(res.status).toBe(400)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('invalid_request')
    expect(upstream.calls).toEqual([])
  })

  it('answers 502 upstream_error, passing nothing of upstream’s answer on, when the logo fails', async () => {
    const { app, logs } = bff(
      countingFetch(() => new Response('secret upstream page', { status: 500 })),
    )
    const res = await app.request(`/api/banks/${MOCK_BANK_ID}/icon`, img)
    expect(res.status).toBe(502)
    const body = await res.text()
    expect(errorBodySchema.parse(JSON.parse(body)).error.code).toBe('upstream_error')
    expect(body).not.toContain('secret upstream page')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(logs.raw.join('\n')).not.toContain('secret upstream page')
  })

  it('refuses an answer that is not an accepted image type (HTML could run on our origin)', async () => {
    const { app } = bff(
      countingFetch(
        () =>
          new Response('<script>alert(1)</script>', {
            status: 200,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    )
    const res = await app.request(`/api/banks/${MOCK_BANK_ID}/icon`, img)
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('refuses a logo larger than the cap', async () => {
    const { app } = bff({
      ...countingFetch(
        () =>
          new Response(new Uint8Array(2048), {
            status: 200,
            headers: { 'content-type': 'image/png' },
          }),
      ),
      maxBytes: 1024,
    })
    const res = await app.request(`/api/banks/${MOCK_BANK_ID}/icon`, img)
    expect(res.status).toBe(502)
  })

  it('refuses an http logo URL when loopback http is not allowed (production)', async () => {
    const upstream = countingFetch()
    const { app } = bffOverSim(world, { config: { bankIcons: { fetch: upstream.fetch } } })
    const res = await app.request(`/api/banks/${MOCK_BANK_ID}/icon`, img)
    expect(res.status).toBe(502)
    expect(upstream.calls).toEqual([])
  })
})
