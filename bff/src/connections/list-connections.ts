import type { Connection } from '@mhkit/shared'

import type { Logger } from '../logger'
import { toConnection } from '../mappers/connection'
import { isMoneyhubError, type MhConnection } from '../moneyhub'
import type { Services } from '../services'
import { canStillRead } from '../session/one-time-grants'
import type { OneTimeGrant, Session } from '../session/sessions'

/** Most connections one answer carries (the shared contract's limit). */
const MAX_CONNECTIONS = 100

/**
 * The session's one-time grants that can still read: an access token that has not run out, or
 * a refresh token to renew it. Ended grants are dropped from the session (and saved), as the
 * data routes do: tokens are kept for as long as they can read and no longer.
 */
async function liveGrants(s: Services, session: Session): Promise<OneTimeGrant[]> {
  const now = s.clock.now()
  const all = session.data.oneTime
  const live = all.filter((g) => canStillRead(g, now))
  if (live.length !== all.length) {
    session.data.oneTime = live
    await s.sessions.save(session)
  }
  return live
}

/**
 * The connections of a one-time consent's own Moneyhub user (client-level token); none when
 * Moneyhub no longer knows that user (`not_found`).
 *
 * @throws MoneyhubError other than `not_found`
 */
export async function grantUserConnections(s: Services, userId: string): Promise<MhConnection[]> {
  try {
    return await s.moneyhub.listConnections(userId)
  } catch (error) {
    if (isMoneyhubError(error, 'not_found')) return []
    throw error
  }
}

/**
 * Every connection the session can read — the one listing behind both `GET /api/connections`
 * and `GET /api/session`, so the two never disagree: the user's ongoing connections
 * (`GET /users/{sub}/connections`; none for a user signed in by one-time connects alone) and
 * each live one-time grant's connection, listed under the grant's own Moneyhub user (which may
 * differ from the session's user). Ended grants are dropped from the session first. Each
 * connection appears once, at most {@link MAX_CONNECTIONS}; a one-time connection's
 * `consentExpiresAt` is when the session can read it no longer (see {@link toConnection}).
 *
 * @param s - the services
 * @param sub - the signed-in Moneyhub user
 * @param session - the browser's session, if any (no session: the user's ongoing connections)
 * @param log - the request's logger
 * @throws MoneyhubError from a listing (a grant user Moneyhub no longer knows lists nothing)
 * @throws AppError `invalid_upstream_response` when a connection cannot be expressed
 */
export async function listSessionConnections(
  s: Services,
  sub: string,
  session: Session | undefined,
  log: Logger,
): Promise<Connection[]> {
  const now = new Date(s.clock.now())
  const ongoing = session?.data.oneTimeOnly !== true
  const grants = session === undefined ? [] : await liveGrants(s, session)
  // One listing per Moneyhub user, in parallel.
  const users = new Map<string, Promise<MhConnection[]>>()
  if (ongoing) users.set(sub, s.moneyhub.listConnections(sub))
  for (const g of grants) {
    if (g.sub !== undefined && !users.has(g.sub)) {
      users.set(g.sub, grantUserConnections(s, g.sub))
    }
  }
  const lists = new Map<string, MhConnection[]>()
  await Promise.all([...users].map(async ([userId, list]) => lists.set(userId, await list)))

  const data: Connection[] = []
  const seen = new Set<string>()
  if (ongoing) {
    for (const conn of lists.get(sub) ?? []) {
      if (seen.has(conn.id)) continue
      seen.add(conn.id)
      data.push(toConnection(conn, now))
    }
  }
  for (const g of grants) {
    if (seen.has(g.connectionId)) continue
    const conn = (g.sub === undefined ? undefined : lists.get(g.sub))?.find(
      (x) => x.id === g.connectionId,
    )
    if (conn === undefined) {
      log.warn({ event: 'one_time_connection_unlisted' }, 'one-time connection unlisted')
      continue
    }
    seen.add(conn.id)
    const accessEndsAt = g.refreshToken === undefined ? { accessEndsAt: g.expiresAt } : {}
    data.push(toConnection(conn, now, { oneTime: accessEndsAt }))
  }
  return data.slice(0, MAX_CONNECTIONS)
}
