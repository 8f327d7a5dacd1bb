import { describe, expect, it } from 'vitest'

import {
  canStillRead,
  grantTokens,
  isExpired,
  planLogin,
  renewedGrant,
  sessionGrants,
  withoutGrant,
  type ExchangedLogin,
  type LoginFacts,
} from './one-time-grants'
import type { OneTimeGrant, SessionData } from './sessions'

const NOW = 1_000_000

function grant(connectionId: string, over: Partial<OneTimeGrant> = {}): OneTimeGrant {
  return {
    connectionId,
    sub: `owner-of-${connectionId}`,
    accessToken: `old:at-${connectionId}`,
    expiresAt: NOW + 60_000,
    ...over,
  }
}

function previous(over: Partial<SessionData> = {}): SessionData {
  return {
    createdAt: 0,
    lastSeenAt: 0,
    absoluteExpiresAt: NOW * 2,
    connectionIds: ['con-a'],
    oneTime: [],
    ...over,
  }
}

function exchanged(over: Partial<ExchangedLogin> = {}): ExchangedLogin {
  return {
    sub: 'user-1',
    connectionId: 'con-new',
    tokens: { accessToken: 'at-new', refreshToken: 'rt-new', expiresAt: NOW + 300_000 },
    ...over,
  }
}

function facts(over: Partial<LoginFacts> = {}): LoginFacts {
  return { oneTime: false, requestOneTimeOnly: false, exchanged: exchanged(), now: NOW, ...over }
}

// Sealing as visible string transforms: what was sealed for whom can be read off the value.
const seal = (secret: string) => `new:${secret}`
const reseal = (sealed: string) => `new:${sealed.replace(/^old:/, '')}`

describe('planLogin: who is signed in', () => {
  it('signs in the exchanged user when nobody was signed in', () => {
    const plan = planLogin(facts())
    expect(plan).toMatchObject({ sub: 'user-1', sameUser: false, oneTimeOnly: false })
    expect(plan.connectionIds).toEqual(['con-new'])
  })

  it('keeps the user already signed in for a one-time connect by someone else', () => {
    const plan = planLogin(
      facts({
        oneTime: true,
        previous: previous({ sub: 'user-1' }),
        exchanged: exchanged({ sub: 'someone-else' }),
      }),
    )
    expect(plan.sub).toBe('user-1')
    expect(plan.sameUser).toBe(true)
    expect(plan.oneTimeOnly).toBe(false)
    expect(plan.newGrant).toBe(true)
  })

  it("keeps the host app's bound user for a one-time connect when the session names nobody", () => {
    const plan = planLogin(
      facts({
        oneTime: true,
        hostUser: 'host-user',
        exchanged: exchanged({ sub: 'consent-user' }),
      }),
    )
    expect(plan.sub).toBe('host-user')
    expect(plan.oneTimeOnly).toBe(false)
  })

  it('signs in a one-time connect with nobody bound as its own user, one-time only', () => {
    const plan = planLogin(facts({ oneTime: true }))
    expect(plan.sub).toBe('user-1')
    expect(plan.oneTimeOnly).toBe(true)
  })

  it('stays one-time only when the bound user came from one-time connects alone', () => {
    const fromSession = planLogin(
      facts({ oneTime: true, previous: previous({ sub: 'user-1', oneTimeOnly: true }) }),
    )
    expect(fromSession.oneTimeOnly).toBe(true)
    const fromRequest = planLogin(
      facts({ oneTime: true, hostUser: 'user-1', requestOneTimeOnly: true }),
    )
    expect(fromRequest.oneTimeOnly).toBe(true)
    const ongoing = planLogin(
      facts({ oneTime: true, previous: previous({ sub: 'user-1' }), requestOneTimeOnly: true }),
    )
    expect(ongoing.oneTimeOnly).toBe(false)
  })

  it('an ongoing connect is never one-time only, even after one-time connects', () => {
    const plan = planLogin(facts({ previous: previous({ sub: 'user-1', oneTimeOnly: true }) }))
    expect(plan.oneTimeOnly).toBe(false)
    expect(plan.newGrant).toBe(false)
  })
})

describe('planLogin: carry-over', () => {
  it("carries the same user's connections, grants and refresh token over", () => {
    const kept = grant('con-g')
    const plan = planLogin(
      facts({
        previous: previous({ sub: 'user-1', oneTime: [kept], refreshToken: 'old:rt' }),
        exchanged: exchanged({ tokens: { accessToken: 'at', expiresAt: NOW + 1 } }),
      }),
    )
    expect(plan.sameUser).toBe(true)
    expect(plan.connectionIds.sort()).toEqual(['con-a', 'con-new'])
    expect(plan.carried).toEqual([kept])
    expect(plan.refreshToken).toBe('carried')
  })

  it('carries over a session that named no user yet', () => {
    const plan = planLogin(facts({ previous: previous() }))
    expect(plan.sameUser).toBe(true)
  })

  it("carries nothing over from another user's session", () => {
    const plan = planLogin(
      facts({
        previous: previous({ sub: 'user-2', oneTime: [grant('con-g')], refreshToken: 'old:rt' }),
        exchanged: exchanged({ tokens: { accessToken: 'at', expiresAt: NOW + 1 } }),
      }),
    )
    expect(plan.sameUser).toBe(false)
    expect(plan.connectionIds).toEqual(['con-new'])
    expect(plan.carried).toEqual([])
    expect(plan.superseded).toEqual([])
    expect(plan.refreshToken).toBe('none')
  })

  it('drops a carried grant that can no longer read, keeps one a refresh token can renew', () => {
    const ended = grant('con-ended', { expiresAt: NOW })
    const renewable = grant('con-renew', { expiresAt: NOW - 1, refreshToken: 'old:rt' })
    const plan = planLogin(facts({ previous: previous({ oneTime: [ended, renewable] }) }))
    expect(plan.carried).toEqual([renewable])
    expect(plan.superseded).toEqual([])
  })

  it("takes an ongoing consent's own refresh token over the carried one", () => {
    const plan = planLogin(facts({ previous: previous({ refreshToken: 'old:rt' }) }))
    expect(plan.refreshToken).toBe('exchanged')
  })

  it("never makes a one-time consent's refresh token the session's", () => {
    expect(planLogin(facts({ oneTime: true })).refreshToken).toBe('none')
  })
})

describe('planLogin: supersede', () => {
  it("a one-time reconnect supersedes the replaced connection's grant and id", () => {
    const old = grant('con-old')
    const other = grant('con-other')
    const plan = planLogin(
      facts({
        oneTime: true,
        replacesConnectionId: 'con-old',
        previous: previous({
          sub: 'user-1',
          connectionIds: ['con-old', 'con-other'],
          oneTime: [old, other],
        }),
      }),
    )
    expect(plan.superseded).toEqual([old])
    expect(plan.carried).toEqual([other])
    expect(plan.connectionIds.sort()).toEqual(['con-new', 'con-other'])
  })

  it('a new one-time grant for a connection supersedes the old grant of that connection', () => {
    const old = grant('con-new')
    const plan = planLogin(
      facts({ oneTime: true, previous: previous({ sub: 'user-1', oneTime: [old] }) }),
    )
    expect(plan.superseded).toEqual([old])
    expect(plan.carried).toEqual([])
  })

  it('an ongoing connect supersedes no grant, even of the same connection', () => {
    const kept = grant('con-new')
    const plan = planLogin(
      facts({
        replacesConnectionId: 'con-new',
        previous: previous({ sub: 'user-1', oneTime: [kept] }),
      }),
    )
    expect(plan.superseded).toEqual([])
    expect(plan.carried).toEqual([kept])
    expect(plan.connectionIds).toContain('con-new')
  })

  it('supersedes even a grant that has ended, so its refresh token is still revoked', () => {
    const ended = grant('con-old', { expiresAt: NOW - 1 })
    const plan = planLogin(
      facts({
        oneTime: true,
        replacesConnectionId: 'con-old',
        previous: previous({ sub: 'user-1', oneTime: [ended] }),
      }),
    )
    expect(plan.superseded).toEqual([ended])
  })
})

describe('sessionGrants', () => {
  it('reseals the carried grants and appends the sealed new grant with the consent user', () => {
    const carried = grant('con-g', { refreshToken: 'old:rt-g' })
    const grants = sessionGrants({ carried: [carried], newGrant: true }, exchanged(), reseal, seal)
    expect(grants).toEqual([
      {
        connectionId: 'con-g',
        sub: 'owner-of-con-g',
        accessToken: 'new:at-con-g',
        refreshToken: 'new:rt-g',
        expiresAt: carried.expiresAt,
      },
      {
        connectionId: 'con-new',
        sub: 'user-1',
        accessToken: 'new:at-new',
        refreshToken: 'new:rt-new',
        expiresAt: NOW + 300_000,
      },
    ])
  })

  it('adds no grant for an ongoing connect, nor one without a refresh token field when none came', () => {
    expect(sessionGrants({ carried: [], newGrant: false }, exchanged(), reseal, seal)).toEqual([])
    const [only] = sessionGrants(
      { carried: [], newGrant: true },
      exchanged({ tokens: { accessToken: 'at', expiresAt: 5 } }),
      reseal,
      seal,
    )
    expect(only).not.toHaveProperty('refreshToken')
  })
})

describe('renewal and ending', () => {
  it('a grant is expired from its expiry on, and can still read only with a refresh token', () => {
    const g = grant('c', { expiresAt: NOW })
    expect(isExpired(g, NOW - 1)).toBe(false)
    expect(isExpired(g, NOW)).toBe(true)
    expect(canStillRead(g, NOW - 1)).toBe(true)
    expect(canStillRead(g, NOW)).toBe(false)
    expect(canStillRead({ ...g, refreshToken: 'old:rt' }, NOW)).toBe(true)
  })

  it('a renewed grant takes the new tokens and keeps the used refresh token when none is rotated', () => {
    const g = grant('c', { refreshToken: 'old:rt' })
    expect(renewedGrant(g, { accessToken: 'at2', expiresAt: NOW + 9 }, 'rt', seal)).toEqual({
      ...g,
      accessToken: 'new:at2',
      refreshToken: 'new:rt',
      expiresAt: NOW + 9,
    })
    const rotated = renewedGrant(
      g,
      { accessToken: 'at2', refreshToken: 'rt2', expiresAt: NOW + 9 },
      'rt',
      seal,
    )
    expect(rotated.refreshToken).toBe('new:rt2')
  })

  it('withoutGrant drops exactly the grant of one connection', () => {
    const grants = [grant('a'), grant('b'), grant('c')]
    expect(withoutGrant(grants, 'b').map((g) => g.connectionId)).toEqual(['a', 'c'])
    expect(withoutGrant(grants, 'zz')).toHaveLength(3)
  })
})

describe('grantTokens', () => {
  it('opens each grant refresh token first, then its access token, with their hints', () => {
    const open = (sealed: string) => `open(${sealed})`
    expect(grantTokens([grant('a', { refreshToken: 'old:rt-a' }), grant('b')], open)).toEqual([
      { token: 'open(old:rt-a)', hint: 'refresh_token' },
      { token: 'open(old:at-a)', hint: 'access_token' },
      { token: 'open(old:at-b)', hint: 'access_token' },
    ])
  })
})
