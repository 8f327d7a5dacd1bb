import { z } from 'zod'

/**
 * Body of `POST /api/logout`: an empty JSON object. The route still requires
 * `Content-Type: application/json` like every non-GET route, so a cross-site form cannot log
 * the user out.
 */
export const logoutRequestSchema = z.strictObject({})
/** Body of `POST /api/logout`. */
export type LogoutRequest = z.infer<typeof logoutRequestSchema>

/**
 * Response of `POST /api/logout`. The session is
 * deleted server-side and its cookie cleared; the answer is the same whether or not a
 * session existed, so logout is idempotent.
 */
export const logoutResponseSchema = z.strictObject({ ok: z.literal(true) })
/** Response of `POST /api/logout`. */
export type LogoutResponse = z.infer<typeof logoutResponseSchema>
