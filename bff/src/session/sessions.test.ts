import { randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { fakeClock } from '../../test/support/fake-clock'
import { hashId } from './ids'
import { createMemoryStore } from './memory-store'
import { createSealer } from './sealer'
import { createSessionManager } from './sessions'

function setup() {
  const clock = fakeClock()
  const store = createMemoryStore({ clock })
  const sessions = createSessionManager({
    store,
    sealer: createSealer(randomBytes(32)),
    clock,
    policy: { idleMs: 30 * 60_000, absoluteMs: 2 * 60 * 60_000 },
  })
  return { clock, store, sessions }
}

describe('session manager', () => {
  it('issues 256-bit ids and stores only their hash as the key', async () => {
    const { sessions, store } = setup()
    const session = await sessions.create({ sub: 'user-1' })
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await store.get(`sess:${session.id}`)).toBeUndefined()
    expect(await store.get(`sess:${hashId(session.id)}`)).toContain('user-1')
  })

  it('issues a different id for every session', async () => {
    const { sessions } = setup()
    const ids = new Set(
      await Promise.all([1, 2, 3].map(async () => (await sessions.create({})).id)),
    )
    expect(ids.size).toBe(3)
  })

  it('ends a session after the idle timeout', async () => {
    const { sessions, clock } = setup()
    const session = await sessions.create({ sub: 'u' })
    clock.advance(30 * 60_000)
    expect(await sessions.load(session.id)).toBeUndefined()
  })

  it('slides the idle timeout on use', async () => {
    const { sessions, clock } = setup()
    const session = await sessions.create({ sub: 'u' })
    clock.advance(20 * 60_000)
    expect(await sessions.load(session.id)).toBeDefined()
    clock.advance(20 * 60_000)
    expect((await sessions.load(session.id))?.data.sub).toBe('u')
  })

  it('ends a session at the absolute lifetime however busy it is', async () => {
    const { sessions, clock } = setup()
    const session = await sessions.create({ sub: 'u' })
    for (let i = 0; i < 5; i++) {
      clock.advance(20 * 60_000)
      expect(await sessions.load(session.id)).toBeDefined()
    }
    clock.advance(20 * 60_000)
    expect(await sessions.load(session.id)).toBeUndefined()
  })

  it('seals secrets bound to the session', async () => {
    const { sessions } = setup()
    const a = await sessions.create({})
    const b = await sessions.create({})
    const sealed = sessions.seal(a, 'rt-secret')
    expect(sealed).not.toContain('rt-secret')
    expect(sessions.open(a, sealed)).toBe('rt-secret')
    expect(() => sessions.open(b, sealed)).toThrow(TypeError)
  })

  it('destroys a session', async () => {
    const { sessions } = setup()
    const s = await sessions.create({ sub: 'u' })
    await sessions.destroy(s.id)
    expect(await sessions.load(s.id)).toBeUndefined()
  })
})
