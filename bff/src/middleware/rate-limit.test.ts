import { randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { bareApp, securityReasons } from '../../test/support/bare-app'
import { fakeClock } from '../../test/support/fake-clock'
import { SESSION_COOKIE } from '../session/cookies'
import { createMemoryStore } from '../session/memory-store'
import { createRateLimiter, rateLimit } from './rate-limit'

describe('createRateLimiter', () => {
  it('allows max hits per window, then says how many seconds remain, and opens again in the next window', () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ max: 2, windowMs: 10_000 }, clock)
    expect(limiter.hit('a')).toBeUndefined()
    expect(limiter.hit('a')).toBeUndefined()
    clock.advance(2_500)
    expect(limiter.hit('a')).toBe(8)
    // Another key has its own window.
    expect(limiter.hit('b')).toBeUndefined()
    clock.advance(7_500)
    expect(limiter.hit('a')).toBeUndefined()
  })
})

function appWithLimit(options: { shared: boolean; clientIp?: string }) {
  const clock = fakeClock()
  const bare = bareApp(options.clientIp === undefined ? {} : { clientIp: options.clientIp })
  bare.app.use(
    '/api/*',
    rateLimit({
      name: 'connect',
      perIp: { max: 3, windowMs: 60_000 },
      perSession: { max: 1, windowMs: 60_000 },
      clock,
      ...(options.shared ? { store: createMemoryStore({ clock }) } : {}),
    }),
  )
  let handled = 0
  bare.app.post('/api/connect', (c) => {
    handled += 1
    return c.json({ handled })
  })
  return { ...bare, clock, handled: () => handled }
}

const post = (cookie?: string) => ({
  method: 'POST',
  ...(cookie === undefined ? {} : { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }),
})

describe.each([
  ['in process memory', false],
  ['in the shared store', true],
])('rateLimit, counting %s', (_, shared) => {
  it('answers 429 rate_limited with Retry-After past the per-IP limit, before the handler runs', async () => {
    const { app, logs, handled } = appWithLimit({ shared })
    for (let i = 0; i < 3; i += 1)
      expect((await app.request('/api/connect', post())).status).toBe(200)
    const res = await app.request('/api/connect', post())
    expect(res.status).toBe(429)
    expect(await res.json()).toEqual({ code: 'rate_limited' })
    expect(res.headers.get('retry-after')).toBe('60')
    expect(handled()).toBe(3)
    expect(securityReasons(logs)).toEqual(['rate_limited'])
  })

  it('limits each session cookie on its own, tighter than the IP', async () => {
    const { app } = appWithLimit({ shared })
    const session = randomBytes(32).toString('base64url')
    expect((await app.request('/api/connect', post(session))).status).toBe(200)
    expect((await app.request('/api/connect', post(session))).status).toBe(429)
    // Another session from the same IP still has its own allowance (and the IP has room).
    const other = randomBytes(32).toString('base64url')
    expect((await app.request('/api/connect', post(other))).status).toBe(200)
  })

  it('opens again once the window has passed', async () => {
    const { app, clock } = appWithLimit({ shared })
    for (let i = 0; i < 4; i += 1) await app.request('/api/connect', post())
    clock.advance(60_000)
    expect((await app.request('/api/connect', post())).status).toBe(200)
  })
})
