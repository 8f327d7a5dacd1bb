import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { createLogger } from '../logger'
import { MoneyhubError } from '../moneyhub'
import { SESSION_COOKIE, TX_COOKIE } from '../session/cookies'
import { hashId } from '../session/ids'
import type { Session } from '../session/sessions'
import { endSessionOnReauth, type SessionEnding } from './end-session-on-reauth'
import { errorHandler } from './error-handler'

const SESSION_ID = 'a'.repeat(43)
const BROWSER_ID = 'b'.repeat(43)

/** Records what ending a session did. */
function recordingDeps(options: { failDestroy?: boolean } = {}) {
  const calls: string[] = []
  const deps: SessionEnding = {
    sessions: {
      destroy: (id) => {
        calls.push(`destroy ${id}`)
        return options.failDestroy === true
          ? Promise.reject(new Error('store down'))
          : Promise.resolve()
      },
    },
    moneyhub: {
      forgetUser: (sub) => {
        calls.push(`forget ${sub}`)
        return Promise.resolve()
      },
    },
    userBinding: {
      get: (c) => Promise.resolve(c.var.session?.data.sub),
      set: () => Promise.resolve(),
    },
    logins: {
      endBrowser: (hash) => {
        calls.push(`end logins ${hash}`)
        return Promise.resolve()
      },
    },
  }
  return { calls, deps }
}

function session(): Session {
  return {
    id: SESSION_ID,
    data: {
      createdAt: 0,
      lastSeenAt: 0,
      absoluteExpiresAt: 1,
      sub: 'user-1',
      connectionIds: [],
      oneTime: [],
    },
  }
}

/** A bare app: the middleware on `/data/*`, a route that throws `error`, and the mapper. */
function appWith(deps: SessionEnding, error: unknown) {
  const lines: Record<string, unknown>[] = []
  const log = createLogger({
    destination: { write: (l: string) => lines.push(JSON.parse(l) as Record<string, unknown>) },
  })
  const app = new Hono<AppEnv>()
  app.onError(errorHandler())
  app.use(async (c, next) => {
    c.set('requestId', 'req-1')
    c.set('log', log)
    c.set('session', session())
    await next()
  })
  app.use('/data/*', endSessionOnReauth(deps))
  app.get('/data', () => {
    throw error
  })
  app.get('/data/item', () => {
    throw error
  })
  app.get('/data/ok', (c) => c.json({ ok: true }))
  app.get('/other', () => {
    throw error
  })
  return { app, lines }
}

const cookies = { cookie: `${SESSION_COOKIE}=${SESSION_ID}; ${TX_COOKIE}=${BROWSER_ID}` }

function clearedCookies(res: Response): string[] {
  return res.headers
    .getSetCookie()
    .filter((c) => /Max-Age=0/.test(c))
    .map((c) => c.split('=')[0] ?? '')
}

describe('endSessionOnReauth', () => {
  it('ends the session of a request answered reauth_required and keeps the answer', async () => {
    const { calls, deps } = recordingDeps()
    const { app, lines } = appWith(
      deps,
      new AppError('reauth_required', { reason: 'invalid_grant' }),
    )
    const res = await app.request('/data/item', { headers: cookies })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'reauth_required' } })
    expect(calls).toEqual([
      'forget user-1',
      `end logins ${hashId(BROWSER_ID)}`,
      `destroy ${SESSION_ID}`,
    ])
    expect(clearedCookies(res).sort()).toEqual([SESSION_COOKIE, TX_COOKIE].sort())
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'security',
        reason: 'reauth_session_ended',
        code: 'invalid_grant',
        sessionEnded: true,
      }),
    )
  })

  it('also ends it for a Moneyhub error the mapper answers reauth_required, on the bare path', async () => {
    const { calls, deps } = recordingDeps()
    const { app } = appWith(deps, new MoneyhubError('unauthorized', 'refused'))
    const res = await app.request('/data', { headers: cookies })
    expect(res.status).toBe(401)
    expect(calls).toContain(`destroy ${SESSION_ID}`)
  })

  it('leaves the session alone for any other error, and for a success', async () => {
    const { calls, deps } = recordingDeps()
    const refused = appWith(deps, new AppError('consent_expired'))
    const res = await refused.app.request('/data/item', { headers: cookies })
    expect(res.status).toBe(403)
    expect(res.headers.get('set-cookie')).toBeNull()
    const ok = await refused.app.request('/data/ok', { headers: cookies })
    expect(ok.status).toBe(200)
    expect(calls).toEqual([])
  })

  it('does nothing on routes it is not mounted on', async () => {
    const { calls, deps } = recordingDeps()
    const { app } = appWith(deps, new AppError('reauth_required'))
    const res = await app.request('/other', { headers: cookies })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(calls).toEqual([])
  })

  it('still clears the cookie and answers when the session cannot be deleted', async () => {
    const { deps } = recordingDeps({ failDestroy: true })
    const { app, lines } = appWith(deps, new AppError('reauth_required'))
    const res = await app.request('/data/item', { headers: cookies })
    expect(res.status).toBe(401)
    expect(clearedCookies(res)).toContain(SESSION_COOKIE)
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'session could not be deleted' }))
    expect(lines).toContainEqual(
      expect.objectContaining({ reason: 'reauth_session_ended', sessionEnded: false }),
    )
  })
})
