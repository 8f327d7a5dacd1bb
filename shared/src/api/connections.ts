import { z } from 'zod'
import { bankTypeSchema } from './banks'
import {
  accountIdSchema,
  bankIdSchema,
  connectionIdSchema,
  displayNameSchema,
  isoDateTimeSchema,
} from './common'

/**
 * Our connection status, derived by {@link connectionStatus}:
 * `active` (working), `expiring` (consent ends within the warning window — offer reconsent or
 * reauth), `expired` (consent over — reauth needed), `error` (the last sync failed).
 */
export const connectionStatusSchema = z.enum(['active', 'expiring', 'expired', 'error'])
/** Our connection status. */
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>

/**
 * Why the last sync failed, when `status` is `error` (Moneyhub's `error` values,
 * docs/moneyhub-protocol.md §9.6): `resync` / `sync_error` / `sync_partial` (try a refresh later),
 * `mfa_required` and `credentials_error` (the user must reauthorise).
 */
export const connectionErrorSchema = z.enum([
  'resync',
  'sync_error',
  'sync_partial',
  'mfa_required',
  'credentials_error',
])
/** Why the last sync failed. */
export type ConnectionError = z.infer<typeof connectionErrorSchema>

/** One bank connection of the signed-in user. */
export const connectionSchema = z.strictObject({
  id: connectionIdSchema,
  bankId: bankIdSchema,
  bankName: displayNameSchema,
  type: bankTypeSchema,
  status: connectionStatusSchema,
  connectedAt: isoDateTimeSchema,
  lastSyncedAt: isoDateTimeSchema.optional(),
  consentExpiresAt: isoDateTimeSchema.optional(),
  /**
   * Whether the short 90-day reconsent journey is open (Moneyhub `tppConsent`); when `false`
   * an expiring connection needs a full reauth instead (docs/moneyhub-protocol.md §4.3, §4.5).
   */
  reconsentAvailable: z.boolean().optional(),
  accountIds: z.array(accountIdSchema).max(500),
  error: connectionErrorSchema.optional(),
})
/** One bank connection. */
export type Connection = z.infer<typeof connectionSchema>

/** The short form of a connection carried in the session response. */
export const connectionSummarySchema = connectionSchema.pick({
  id: true,
  bankId: true,
  bankName: true,
  status: true,
  consentExpiresAt: true,
})
/** The short form of a connection. */
export type ConnectionSummary = z.infer<typeof connectionSummarySchema>

/** Response of `GET /api/connections`. */
export const connectionListResponseSchema = z.strictObject({
  data: z.array(connectionSchema).max(100),
})
/** Response of `GET /api/connections`. */
export type ConnectionListResponse = z.infer<typeof connectionListResponseSchema>

/**
 * Path parameters of `DELETE /api/connections/:id`. The route answers **204 No Content** with
 * no body on success (the connection, its accounts and transactions are deleted at Moneyhub,
 * which also revokes the grant — docs/moneyhub-protocol.md §9.6), `connection_not_found` when it is
 * not one of the session's connections.
 */
export const connectionParamsSchema = z.strictObject({ id: connectionIdSchema })
/** Path parameters of the connection routes. */
export type ConnectionParams = z.infer<typeof connectionParamsSchema>

/** Default warning window before consent expiry, in days. */
export const EXPIRING_WITHIN_DAYS_DEFAULT = 7
const DAY_MS = 86_400_000

/** Inputs of {@link connectionStatus}: Moneyhub's facts about a connection plus the clock. */
export interface ConnectionStatusInput {
  /** Moneyhub `UserConnection.status`: `ok`, `error` or `never` (never synced yet). */
  upstreamStatus: 'ok' | 'error' | 'never'
  /** Moneyhub `UserConnection.extendedStatus`, when present. */
  extendedStatus?: 'expired' | 'stoppedSyncing' | null
  /** Consent expiry (`UserConnection.expiresAt`); absent for connections with no end date. */
  expiresAt?: Date | string | null
  /** The current time, injected so callers and tests control the clock. */
  now: Date
  /** Warning window in days (default 7); `expiresAt` at most this far ahead is `expiring`. */
  expiringWithinDays?: number
}

/**
 * Derives our {@link ConnectionStatus} from Moneyhub's connection facts. The rule, first match
 * wins:
 * 1. `expired` — Moneyhub says `extendedStatus: 'expired'`, or `expiresAt <= now`
 *    (a consent that ends at this very instant is already over);
 * 2. `error` — `upstreamStatus` is `error`;
 * 3. `expiring` — `expiresAt - now <= expiringWithinDays` days (exactly 7 days ahead counts);
 * 4. `active` — otherwise (`ok`, or `never` while the first sync is still running).
 * Expiry outranks a sync error because the fix for both is the user reauthorising.
 *
 * @param input - see {@link ConnectionStatusInput}.
 * @returns the status to show.
 * @throws TypeError when `now` or `expiresAt` is not a valid date, or the window is negative.
 * @see docs/moneyhub-protocol.md §9.6 (UserConnection), connect-kit lessons (b) 14.
 */
export function connectionStatus(input: ConnectionStatusInput): ConnectionStatus {
  const { upstreamStatus, extendedStatus, expiresAt, now } = input
  const windowDays = input.expiringWithinDays ?? EXPIRING_WITHIN_DAYS_DEFAULT
  const nowMs = now.getTime()
  if (Number.isNaN(nowMs)) throw new TypeError('connectionStatus: now is not a valid Date')
  if (!Number.isFinite(windowDays) || windowDays < 0) {
    throw new TypeError('connectionStatus: expiringWithinDays must be a non-negative number')
  }
  let expiresMs: number | undefined
  if (expiresAt != null) {
    expiresMs = (typeof expiresAt === 'string' ? new Date(expiresAt) : expiresAt).getTime()
    if (Number.isNaN(expiresMs)) {
      throw new TypeError('connectionStatus: expiresAt is not a valid date')
    }
  }
  if (extendedStatus === 'expired') return 'expired'
  if (expiresMs !== undefined && expiresMs <= nowMs) return 'expired'
  if (upstreamStatus === 'error') return 'error'
  if (expiresMs !== undefined && expiresMs - nowMs <= windowDays * DAY_MS) return 'expiring'
  return 'active'
}
