/**
 * docs/security.md S6 under concurrency: a request that loaded the session before a logout must not
 * write it back afterwards (the sliding-expiry touch, a grant change) and so bring it back:
 * the old cookie gets 401 whatever order the two requests finish in. The interleaving is made
 * deterministic by holding the first request inside its session read until the logout is done.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, errorBodySchema, sessionResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hashId } from '../../src/session/ids'
import { SESSION_COOKIE } from '../../src/session/cookies'
import { createMemoryStore } from '../../src/session/memory-store'
import type { Store } from '../../src/session/store'
import { fakeClock } from '../support/fake-clock'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'
import { spaHeaders } from '../support/test-app'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

/**
 * A memory store whose `get` of one armed key waits, after reading, until released: the
 * request holding a loaded copy is paused there while another request runs.
 */
function pausingStore(inner: Store) {
  let armed: string | undefined
  let reached: () => void = () => undefined
  let release: () => void = () => undefined
  const store: Store = {
    ...inner,
    async get(key) {
      const value = await inner.get(key)
      if (key === armed) {
        armed = undefined
        const gate = new Promise<void>((resolve) => (release = resolve))
        reached()
        await gate
      }
      return value
    },
  }
  return {
    store,
    /** Pauses the next read of `key`; resolves once a request is paused there. */
    arm(key: string): Promise<void> {
      armed = key
      return new Promise<void>((resolve) => (reached = resolve))
    },
    release: () => release(),
  }
}

describe('no session resurrection (docs/security.md S6)', () => {
  it('a request that loaded the session before a logout cannot bring it back', async () => {
    const clock = fakeClock(Date.now())
    const paused = pausingStore(createMemoryStore({ clock }))
    const bff = bffOverSim(world, { store: paused.store, clock })

    const res = await bff.browser.send('POST', '/api/connect', { kind: 'ais' })
    const { url } = connectResponseSchema.parse(await res.json())
    const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
    expect((await bff.browser.navigate(callbackPath(back))).status).toBe(303)
    const cookie = bff.browser.cookies.get(SESSION_COOKIE) ?? ''
    expect(cookie).not.toBe('')
    const key = `sess:${hashId(cookie)}`
    const withCookie = spaHeaders({ Cookie: `${SESSION_COOKIE}=${cookie}` })

    // Past the touch interval, so the slow request's load writes the session back.
    clock.advance(2 * 60_000)
    const reached = paused.arm(key)
    const slow = bff.app.request('/api/session', { headers: withCookie })
    await reached
    // Meanwhile the user logs out with the same cookie.
    const out = await bff.app.request('/api/logout', {
      method: 'POST',
      headers: { ...withCookie, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(out.status).toBe(200)
    expect(await bff.store.get(key)).toBeUndefined()
    paused.release()

    // The slow request finishes signed out, and the session stays gone.
    const late = sessionResponseSchema.parse(await (await slow).json())
    expect(late.authenticated).toBe(false)
    expect(await bff.store.get(key)).toBeUndefined()

    // The old cookie gets 401.
    const replay = await bff.app.request('/api/accounts', { headers: withCookie })
    expect(replay.status).toBe(401)
    expect(errorBodySchema.parse(await replay.json()).error.code).toBe('session_expired')
  })
})
