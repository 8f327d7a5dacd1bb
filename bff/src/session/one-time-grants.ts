/**
 * The rules of one-time grants: the tokens a one-time-access consent's code exchange gave,
 * kept sealed server-side because they are the only way to read that consent's data
 * (docs/moneyhub-protocol.md §4.2). Which grants a new session carries over and which a
 * reconnect supersedes, who a login signs in, when a grant has ended, how it is renewed, and
 * which tokens to revoke. Pure functions: sealing comes in as functions, time as `now`, and
 * the routes do the I/O (store, refresh call, revocation).
 */
import type { OneTimeGrant, SessionData } from './sessions'

/** Turns a secret sealed for one record into one sealed for another, or seals a plain one. */
export type SealFn = (secret: string) => string

/** A provider token to revoke, with its RFC 7009 type hint. */
export interface RevocableToken {
  token: string
  hint: 'refresh_token' | 'access_token'
}

/** The tokens of a code exchange or a refresh (plain, never stored as they are). */
export interface GrantTokens {
  accessToken: string
  refreshToken?: string
  /** Epoch ms. */
  expiresAt: number
}

/** What a login's code exchange proved. */
export interface ExchangedLogin {
  /** The Moneyhub user of the consent (the ID token's `sub`). */
  sub: string
  /** The consent's connection (`mh:con_id`), when it names one. */
  connectionId?: string
  tokens: GrantTokens
}

/** What {@link planLogin} decides from. */
export interface LoginFacts {
  /** Whether the login was a one-time connect (no ongoing access). */
  oneTime: boolean
  /** For a one-time reconnect: the connection whose grant the new one replaces. */
  replacesConnectionId?: string
  /** The starting session's data, when it was still live. */
  previous?: SessionData
  /** The user the host app's binding names, asked only when `previous` names nobody. */
  hostUser?: string
  /** Whether the session of the callback request itself was signed in by one-time connects alone. */
  requestOneTimeOnly: boolean
  exchanged: ExchangedLogin
  /** Epoch ms. */
  now: number
}

/** What a new session holds after a login, before anything is sealed for it. */
export interface LoginPlan {
  /** Who is signed in afterwards. */
  sub: string
  /** Whether the starting session was the same user, so its state carries over. */
  sameUser: boolean
  connectionIds: string[]
  /** Grants of the starting session kept, still sealed for it: reseal them for the new one. */
  carried: OneTimeGrant[]
  /** Grants this login replaces: dropped, and their tokens revoked. */
  superseded: OneTimeGrant[]
  /** Whether the login's own tokens become a new grant (a one-time connect naming a connection). */
  newGrant: boolean
  /** Data of this user is read only with grants, never `tokenForUser`. */
  oneTimeOnly: boolean
  /**
   * The session's refresh token: the exchange's own (an ongoing consent), the starting
   * session's (the same user, no new one), or none.
   */
  refreshToken: 'exchanged' | 'carried' | 'none'
}

/**
 * Whether a grant can still read: its access token has not run out, or a refresh token can
 * renew it. Tokens are kept for as long as they can read and no longer.
 */
export function canStillRead(grant: OneTimeGrant, now: number): boolean {
  return grant.expiresAt > now || grant.refreshToken !== undefined
}

/** Whether a grant's access token has run out (renew it before reading). */
export function isExpired(grant: OneTimeGrant, now: number): boolean {
  return grant.expiresAt <= now
}

/**
 * Decides what the session a login starts holds (a fresh id every login, docs/security.md S4).
 *
 * A one-time connect never changes who is signed in: when a user is already bound (in the
 * starting session or the host app's binding), it keeps that user and only adds the one-time
 * grant; the one-time consent's own Moneyhub user stays on the grant. Only a one-time connect
 * with nobody bound signs in its own user, marked `oneTimeOnly` (no ongoing access).
 *
 * The starting session's connections, refresh token and grants carry over when it was the
 * same user. A grant is superseded (never kept next to the new one) when a one-time reconnect
 * replaces its connection or the new grant is for the same connection; a carried grant that
 * can no longer read is dropped.
 */
export function planLogin(facts: LoginFacts): LoginPlan {
  const { oneTime, previous, exchanged } = facts
  const bound = oneTime ? (previous?.sub ?? facts.hostUser) : undefined
  const sameUser =
    previous !== undefined &&
    (bound !== undefined || previous.sub === undefined || previous.sub === exchanged.sub)
  const replaced = oneTime ? facts.replacesConnectionId : undefined
  const connectionIds = new Set(sameUser ? previous.connectionIds : [])
  if (replaced !== undefined) connectionIds.delete(replaced)
  if (exchanged.connectionId !== undefined) connectionIds.add(exchanged.connectionId)

  const carried: OneTimeGrant[] = []
  const superseded: OneTimeGrant[] = []
  if (sameUser) {
    for (const grant of previous.oneTime) {
      const replacedByThis =
        grant.connectionId === replaced ||
        (oneTime && grant.connectionId === exchanged.connectionId)
      if (replacedByThis) superseded.push(grant)
      else if (canStillRead(grant, facts.now)) carried.push(grant)
    }
  }
  const wasOneTimeOnly =
    previous === undefined ? facts.requestOneTimeOnly : previous.oneTimeOnly === true
  const oneTimeOnly = oneTime && (bound === undefined || wasOneTimeOnly)
  let refreshToken: LoginPlan['refreshToken'] = 'none'
  // A one-time consent's refresh token belongs to its grant, never to the session.
  if (exchanged.tokens.refreshToken !== undefined && !oneTime) refreshToken = 'exchanged'
  else if (sameUser && previous.refreshToken !== undefined) refreshToken = 'carried'
  return {
    sub: bound ?? exchanged.sub,
    sameUser,
    connectionIds: [...connectionIds],
    carried,
    superseded,
    newGrant: oneTime && exchanged.connectionId !== undefined,
    oneTimeOnly,
    refreshToken,
  }
}

/**
 * The grants of the new session: the carried ones resealed for it (sealed values are bound to
 * their session), then the login's own grant, sealed.
 *
 * @param reseal - opens a value sealed for the starting session and seals it for the new one
 * @param seal - seals a plain token for the new session
 */
export function sessionGrants(
  plan: Pick<LoginPlan, 'carried' | 'newGrant'>,
  exchanged: ExchangedLogin,
  reseal: SealFn,
  seal: SealFn,
): OneTimeGrant[] {
  const grants = plan.carried.map((grant) => resealGrant(grant, reseal))
  if (plan.newGrant && exchanged.connectionId !== undefined) {
    grants.push(
      grantFromTokens(
        { connectionId: exchanged.connectionId, sub: exchanged.sub },
        exchanged.tokens,
        seal,
      ),
    )
  }
  return grants
}

function resealGrant(grant: OneTimeGrant, reseal: SealFn): OneTimeGrant {
  return {
    connectionId: grant.connectionId,
    ...(grant.sub === undefined ? {} : { sub: grant.sub }),
    accessToken: reseal(grant.accessToken),
    ...(grant.refreshToken === undefined ? {} : { refreshToken: reseal(grant.refreshToken) }),
    expiresAt: grant.expiresAt,
  }
}

function grantFromTokens(
  owner: Pick<OneTimeGrant, 'connectionId' | 'sub'>,
  tokens: GrantTokens,
  seal: SealFn,
): OneTimeGrant {
  return {
    connectionId: owner.connectionId,
    ...(owner.sub === undefined ? {} : { sub: owner.sub }),
    accessToken: seal(tokens.accessToken),
    ...(tokens.refreshToken === undefined ? {} : { refreshToken: seal(tokens.refreshToken) }),
    expiresAt: tokens.expiresAt,
  }
}

/**
 * A grant renewed with the tokens of a refresh. A provider that does not rotate refresh
 * tokens sends none back: the one used stays.
 *
 * @param usedRefreshToken - the plain refresh token the renewal was made with
 * @param seal - seals a plain token for the session
 */
export function renewedGrant(
  grant: OneTimeGrant,
  tokens: GrantTokens,
  usedRefreshToken: string,
  seal: SealFn,
): OneTimeGrant {
  return {
    ...grant,
    accessToken: seal(tokens.accessToken),
    refreshToken: seal(tokens.refreshToken ?? usedRefreshToken),
    expiresAt: tokens.expiresAt,
  }
}

/** The grants without the one of `connectionId` (ended, refused or disconnected). */
export function withoutGrant(
  grants: readonly OneTimeGrant[],
  connectionId: string,
): OneTimeGrant[] {
  return grants.filter((grant) => grant.connectionId !== connectionId)
}

/**
 * The tokens of grants to revoke, opened, each grant's refresh token before its access token
 * (the refresh token outlives it).
 *
 * @param open - opens a sealed token (the session's or another record's sealer context)
 */
export function grantTokens(
  grants: readonly OneTimeGrant[],
  open: (sealed: string) => string,
): RevocableToken[] {
  const tokens: RevocableToken[] = []
  for (const grant of grants) {
    if (grant.refreshToken !== undefined) {
      tokens.push({ token: open(grant.refreshToken), hint: 'refresh_token' })
    }
    tokens.push({ token: open(grant.accessToken), hint: 'access_token' })
  }
  return tokens
}
