import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import type { FlowRecords } from '../flows/flow-records'
import { createLogger } from '../logger'
import { MoneyhubError } from '../moneyhub'
import { errorHandler, onNotFound } from './error-handler'

function logCapture() {
  const lines: Record<string, unknown>[] = []
  const log = createLogger({
    destination: {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  })
  return { lines, log }
}

/** A bare app with the request variables the mapper reads, and `thrower` on `GET /x`. */
function appThrowing(thrower: () => never, deps?: Parameters<typeof errorHandler>[0]) {
  const { lines, log } = logCapture()
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    c.set('requestId', 'req-1')
    c.set('log', log)
    await next()
  })
  app.onError(errorHandler(deps))
  app.notFound(onNotFound)
  app.get('/x', () => thrower())
  app.get('/api/callback', () => thrower())
  return { app, lines }
}

const noFlows: Pick<FlowRecords, 'latestForBrowser'> = {
  latestForBrowser: () => Promise.resolve(undefined),
}

describe('errorHandler', () => {
  it('answers an AppError with its status, code, generic message and the request id', async () => {
    const { app } = appThrowing(() => {
      throw new AppError('consent_expired')
    })
    const res = await app.request('/x')
    expect(res.status).toBe(403)
    const body = (await res.json()) as { error: Record<string, unknown> }
    expect(body.error.code).toBe('consent_expired')
    expect(body.error.correlationId).toBe('req-1')
  })

  it('sends Retry-After with a rate limit', async () => {
    const { app } = appThrowing(() => {
      throw new AppError('rate_limited', { retryAfter: 7 })
    })
    const res = await app.request('/x')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
  })

  it('maps a Moneyhub error to its API code, never relaying the upstream text', async () => {
    const { app } = appThrowing(() => {
      throw new MoneyhubError('reauth_required', 'secret upstream words', {
        error: 'invalid_grant',
      })
    })
    const res = await app.request('/x')
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'reauth_required' } })
    expect(text).not.toContain('secret upstream words')
  })

  it('answers a Hono exception as a request fault (413 as payload_too_large)', async () => {
    const bad = appThrowing(() => {
      throw new HTTPException(400, { message: 'Malformed JSON' })
    })
    expect(await (await bad.app.request('/x')).json()).toMatchObject({
      error: { code: 'invalid_request' },
    })
    const big = appThrowing(() => {
      throw new HTTPException(413)
    })
    const res = await big.app.request('/x')
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } })
  })

  it('answers an unexpected error as internal_error with no detail, and logs it', async () => {
    const { app, lines } = appThrowing(() => {
      throw new Error('database password is hunter2')
    })
    const res = await app.request('/x')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal_error' } })
    expect(text).not.toContain('hunter2')
    expect(lines.some((l) => l.msg === 'unhandled error')).toBe(true)
  })

  it('only maps: a reauth_required clears no cookie', async () => {
    const { app } = appThrowing(() => {
      throw new AppError('reauth_required')
    })
    const res = await app.request('/x', { headers: { cookie: '__Host-mhkit-session=abc' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('lands a callback error reached by navigation in the app, as a 303 with flowError', async () => {
    const { app } = appThrowing(
      () => {
        throw new AppError('state_mismatch')
      },
      { flows: noFlows, callbackErrorPage: '/connect' },
    )
    const res = await app.request('/api/callback', { headers: { 'sec-fetch-mode': 'navigate' } })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/connect?flowError=state_mismatch')
  })

  it('answers the same callback error as JSON to a script, and to any caller without deps', async () => {
    const scripted = appThrowing(
      () => {
        throw new AppError('state_mismatch')
      },
      { flows: noFlows },
    )
    const res = await scripted.app.request('/api/callback', {
      headers: { accept: 'application/json' },
    })
    expect(res.status).toBe(400)
    const bare = appThrowing(() => {
      throw new AppError('state_mismatch')
    })
    const nav = await bare.app.request('/api/callback', {
      headers: { 'sec-fetch-mode': 'navigate' },
    })
    expect(nav.status).toBe(400)
    expect(await nav.json()).toMatchObject({ error: { code: 'state_mismatch' } })
  })
})

describe('onNotFound', () => {
  it('answers an unknown route with not_found in the API error shape', async () => {
    const { app } = appThrowing(() => {
      throw new AppError('internal_error')
    })
    const res = await app.request('/nowhere')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not_found', correlationId: 'req-1' } })
  })
})
