import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { fakeClock, type FakeClock } from '../../test/support/fake-clock'
import { AppError } from '../errors'
import { hashId } from './ids'
import { createMemoryStore } from './memory-store'
import { createSealer } from './sealer'
import { createSessionManager } from './sessions'
import { createSqliteStore } from './sqlite-store'
import type { Store } from './store'

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

const dir = mkdtempSync(join(tmpdir(), 'mhkit-sessions-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const stores: { name: string; make: (clock: FakeClock) => Store }[] = [
  { name: 'memory', make: (clock) => createMemoryStore({ clock }) },
  {
    name: 'sqlite',
    make: (clock) =>
      createSqliteStore({ path: join(dir, `${randomBytes(6).toString('hex')}.db`), clock }),
  },
]

describe.each(stores)(
  'no session resurrection over the $name store (docs/security.md S6)',
  ({ make }) => {
    function over(store: Store, clock: FakeClock) {
      return createSessionManager({ store, sealer: createSealer(randomBytes(32)), clock })
    }

    async function rejection(p: Promise<unknown>): Promise<unknown> {
      return p.then(
        () => undefined,
        (error: unknown) => error,
      )
    }

    it('a copy loaded before a logout, saved after it, does not bring the session back', async () => {
      const clock = fakeClock()
      const store = make(clock)
      const sessions = over(store, clock)
      const created = await sessions.create({ sub: 'u' })
      const loaded = await sessions.load(created.id)
      expect(loaded).toBeDefined()
      await sessions.destroy(created.id)
      if (loaded === undefined) return
      loaded.data.connectionIds.push('late-change')
      const error = await rejection(sessions.save(loaded))
      expect(error).toBeInstanceOf(AppError)
      expect(error).toMatchObject({ code: 'session_expired', status: 401 })
      expect(await store.get(`sess:${hashId(created.id)}`)).toBeUndefined()
      expect(await sessions.load(created.id)).toBeUndefined()
      await store.close()
    })

    it('a copy saved after the session was ended by its hash (S7, login) stays gone', async () => {
      const clock = fakeClock()
      const store = make(clock)
      const sessions = over(store, clock)
      const created = await sessions.create({ sub: 'u' })
      const loaded = await sessions.load(created.id)
      await sessions.destroyByHash(hashId(created.id))
      if (loaded === undefined) throw new Error('session not loaded')
      expect(await rejection(sessions.save(loaded))).toMatchObject({ code: 'session_expired' })
      expect(await sessions.loadByHash(hashId(created.id))).toBeUndefined()
      await store.close()
    })

    it('save still writes a live session', async () => {
      const clock = fakeClock()
      const store = make(clock)
      const sessions = over(store, clock)
      const created = await sessions.create({ sub: 'u' })
      created.data.connectionIds.push('c1')
      await sessions.save(created)
      expect((await sessions.load(created.id))?.data.connectionIds).toEqual(['c1'])
      await store.close()
    })

    it('save of a session whose lifetime ran out deletes it and reports it ended', async () => {
      const clock = fakeClock()
      const store = make(clock)
      const sessions = over(store, clock)
      const created = await sessions.create({ sub: 'u' })
      clock.advance(30 * 60_000)
      expect(await rejection(sessions.save(created))).toMatchObject({ code: 'session_expired' })
      // One millisecond earlier the entry would still be live: it is gone because save deleted it.
      clock.advance(-1)
      expect(await store.get(`sess:${hashId(created.id)}`)).toBeUndefined()
      await store.close()
    })

    it('the sliding touch in load never recreates a session ended between its read and write', async () => {
      const clock = fakeClock()
      const store = make(clock)
      let endDuringRead: string | undefined
      // A concurrent logout landing right after this request's read (deterministic interleave).
      const racing: Store = {
        ...store,
        async get(key) {
          const value = await store.get(key)
          if (key === endDuringRead) await store.delete(key)
          return value
        },
      }
      const sessions = over(racing, clock)
      const created = await sessions.create({ sub: 'u' })
      clock.advance(2 * 60_000)
      endDuringRead = `sess:${hashId(created.id)}`
      expect(await sessions.load(created.id)).toBeUndefined()
      endDuringRead = undefined
      expect(await store.get(`sess:${hashId(created.id)}`)).toBeUndefined()
      expect(await sessions.load(created.id)).toBeUndefined()
      await store.close()
    })
  },
)
