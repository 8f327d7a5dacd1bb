import { connectionParamsSchema, type ConnectionListResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { toConnection } from '../mappers/connection'
import { validate } from '../internal/validate'
import type { Services } from '../services'
import { requireUser } from '../user-binding'

/**
 * `GET /api/connections` (with status and consent expiry) and `DELETE /api/connections/:id`
 * (Moneyhub deletes the connection and revokes its grant; 204).
 *
 * Errors: `unauthenticated`, `invalid_request` (id pattern), `connection_not_found` (not one
 * of this user's connections — checked before the delete is sent), upstream codes.
 */
export function connectionRoutes(s: Services) {
  return new Hono<AppEnv>()
    .get('/api/connections', async (c) => {
      const sub = await requireUser(c, s.userBinding)
      const now = new Date(s.clock.now())
      const list = await s.moneyhub.listConnections(sub)
      const body: ConnectionListResponse = { data: list.map((conn) => toConnection(conn, now)) }
      return c.json(body, 200)
    })
    .delete('/api/connections/:id', validate('param', connectionParamsSchema), async (c) => {
      const sub = await requireUser(c, s.userBinding)
      const { id } = c.req.valid('param')
      const list = await s.moneyhub.listConnections(sub)
      if (!list.some((conn) => conn.id === id)) throw new AppError('connection_not_found')
      await s.moneyhub.deleteConnection(sub, id)
      const session = c.var.session
      if (session !== undefined) {
        session.data.connectionIds = session.data.connectionIds.filter((x) => x !== id)
        session.data.oneTime = session.data.oneTime.filter((g) => g.connectionId !== id)
        await s.sessions.save(session)
      }
      c.var.log.info({ event: 'connection_deleted' }, 'connection deleted')
      return c.body(null, 204)
    })
}
