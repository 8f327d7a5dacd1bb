import { randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { bareApp } from '../../test/support/bare-app'
import { fakeClock } from '../../test/support/fake-clock'
import { SESSION_COOKIE } from '../session/cookies'
import { createMemoryStore } from '../session/memory-store'
import { createSealer } from '../session/sealer'
import { createSessionManager } from '../session/sessions'
import { loadSession } from './session'

async function appWithSessions() {
  const clock = fakeClock()
  const sessions = createSessionManager({
    store: createMemoryStore({ clock }),
    sealer: createSealer(randomBytes(32)),
    clock,
  })
  const { app } = bareApp()
  app.use(loadSession(sessions))
  app.get('/who', (c) => c.json({ sub: c.var.session?.data.sub ?? null }))
  const live = await sessions.create({ sub: 'user-1' })
  return { app, sessions, live }
}

const withCookie = (value: string) => ({ headers: { cookie: `${SESSION_COOKIE}=${value}` } })

describe('loadSession', () => {
  it('puts the live session named by the cookie into c.var.session', async () => {
    const { app, live } = await appWithSessions()
    const res = await app.request('/who', withCookie(live.id))
    expect(await res.json()).toEqual({ sub: 'user-1' })
  })

  it('leaves c.var.session undefined without a cookie, with an unknown id, and for an ended session', async () => {
    const { app, sessions, live } = await appWithSessions()
    expect(await (await app.request('/who')).json()).toEqual({ sub: null })
    const unknown = (await sessions.create({ sub: 'user-2' })).id
    await sessions.destroy(unknown)
    expect(await (await app.request('/who', withCookie(unknown))).json()).toEqual({ sub: null })
    await sessions.destroy(live.id)
    expect(await (await app.request('/who', withCookie(live.id))).json()).toEqual({ sub: null })
  })
})
