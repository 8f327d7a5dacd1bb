import { z } from 'zod'
import { isoDateTimeSchema, userIdSchema } from './common'
import { connectionSummarySchema } from './connections'

/**
 * Response of `GET /api/session`: whether the browser has a session, who it belongs to, its
 * connections in short form and when it ends. It never carries a token, code or key
 * (docs/security.md P25).
 *
 * Consistency rule: when `authenticated` is `false` there is no `user`, `connections` or
 * `expiresAt`; when `true`, `user` and `expiresAt` are present.
 */
export const sessionResponseSchema = z
  .strictObject({
    authenticated: z.boolean(),
    user: z.strictObject({ id: userIdSchema }).optional(),
    connections: z.array(connectionSummarySchema).max(100).optional(),
    expiresAt: isoDateTimeSchema.optional(),
  })
  .check((ctx) => {
    const { authenticated, user, connections, expiresAt } = ctx.value
    if (!authenticated && (user ?? connections ?? expiresAt) !== undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'an unauthenticated session carries no user, connections or expiresAt',
        input: ctx.value,
      })
    }
    if (authenticated && (user === undefined || expiresAt === undefined)) {
      ctx.issues.push({
        code: 'custom',
        message: 'an authenticated session names its user and expiresAt',
        input: ctx.value,
      })
    }
  })
/** Response of `GET /api/session`. */
export type SessionResponse = z.infer<typeof sessionResponseSchema>
