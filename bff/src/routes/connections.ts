import { connectionParamsSchema, type ConnectionListResponse } from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import { grantUserConnections, listSessionConnections } from '../connections/list-connections'
import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { validate } from '../internal/validate'
import { isMoneyhubError } from '../moneyhub'
import type { Services } from '../services'
import type { OneTimeGrant, Session } from '../session/sessions'
import { grantTokens } from '../session/one-time-grants'
import { revokeTokens } from '../session/revoke-tokens'
import { requireUser } from '../user-binding'

/**
 * Revokes a one-time grant's tokens at the provider (RFC 7009), refresh token first. Best
 * effort: a failure is logged with its code only, the grant is already gone server-side.
 */
async function revokeGrant(
  c: Context<AppEnv>,
  s: Services,
  session: Session,
  grant: OneTimeGrant,
): Promise<void> {
  const open = (sealed: string) => s.sessions.open(session, sealed)
  await revokeTokens(s.moneyhub, grantTokens([grant], open), c.var.log, 'one-time tokens revoked')
}

/**
 * Disconnects a one-time connection: Moneyhub deletes it (and revokes its grant) when it is
 * listed under the grant's own Moneyhub user — the consent this session holds, never anyone
 * else's connection. The caller then forgets the grant and {@link revokeGrant} revokes its
 * tokens, so it is no longer readable even where Moneyhub no longer lists it.
 *
 * @returns whether the connection was deleted at Moneyhub
 * @throws MoneyhubError from the listing or the delete (the grant is then kept for a retry)
 */
async function deleteOneTimeUpstream(s: Services, grant: OneTimeGrant): Promise<boolean> {
  if (grant.sub === undefined) return false
  const list = await grantUserConnections(s, grant.sub)
  if (!list.some((conn) => conn.id === grant.connectionId)) return false
  try {
    await s.moneyhub.deleteConnection(grant.sub, grant.connectionId)
  } catch (error) {
    // Gone between the listing and the delete: nothing left to delete.
    if (!isMoneyhubError(error, 'not_found')) throw error
  }
  return true
}

/**
 * `GET /api/connections` and `DELETE /api/connections/:id`, over every connection the session
 * can read (see {@link listSessionConnections}, which `GET /api/session` shares): the user's
 * ongoing connections (none for a user signed in by one-time connects alone) and each live
 * one-time grant's connection, listed under the grant's own Moneyhub user.
 *
 * `DELETE` on an ongoing connection: Moneyhub deletes it and revokes its grant
 * (docs/moneyhub-protocol.md §9.6). On a one-time connection: Moneyhub deletes it where it lists it
 * under the grant's user, then the grant is forgotten server-side and its tokens revoked. 204
 * either way.
 *
 * Errors: `unauthenticated` / `session_expired`, `invalid_request` (id pattern, before any
 * upstream call), `connection_not_found` (not a connection of the session — checked before
 * any delete is sent; for a one-time-only session, without any upstream call), upstream codes.
 */
export function connectionRoutes(s: Services) {
  return new Hono<AppEnv>()
    .get('/api/connections', async (c) => {
      const sub = await requireUser(c, s.userBinding)
      const data = await listSessionConnections(s, sub, c.var.session, c.var.log)
      const body: ConnectionListResponse = { data }
      return c.json(body, 200)
    })
    .delete('/api/connections/:id', validate('param', connectionParamsSchema), async (c) => {
      const sub = await requireUser(c, s.userBinding)
      const { id } = c.req.valid('param')
      const session = c.var.session
      const grant = session?.data.oneTime.find((g) => g.connectionId === id)
      let upstream = true
      if (grant !== undefined) {
        upstream = await deleteOneTimeUpstream(s, grant)
      } else {
        // A user signed in by one-time connects alone holds nothing but their grants.
        if (session?.data.oneTimeOnly === true) throw new AppError('connection_not_found')
        const list = await s.moneyhub.listConnections(sub)
        if (!list.some((conn) => conn.id === id)) throw new AppError('connection_not_found')
        await s.moneyhub.deleteConnection(sub, id)
      }
      if (session !== undefined) {
        session.data.connectionIds = session.data.connectionIds.filter((x) => x !== id)
        session.data.oneTime = session.data.oneTime.filter((g) => g.connectionId !== id)
        await s.sessions.save(session)
        if (grant !== undefined) await revokeGrant(c, s, session, grant)
      }
      c.var.log.info(
        { event: 'connection_deleted', oneTime: grant !== undefined, upstream },
        'connection deleted',
      )
      return c.body(null, 204)
    })
}
