import {
  bankTypeSchema,
  connectionErrorSchema,
  connectionSchema,
  connectionStatus,
} from '@mhkit/shared'
import type { Connection } from '@mhkit/shared'

import { AppError } from '../errors'
import type { MhConnection } from '../moneyhub'

// Built once: zod compiles a schema on first use.
const typeOrApi = bankTypeSchema.catch('api')

function isoDateTime(value: string | null | undefined): string | undefined {
  if (value == null) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** The earlier of an ISO date-time and an epoch-ms instant, as ISO; undefined when neither. */
function earliest(iso: string | undefined, ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return iso
  if (iso !== undefined && Date.parse(iso) <= ms) return iso
  return new Date(ms).toISOString()
}

const upstreamStatus = (value: unknown): 'ok' | 'error' | 'never' =>
  value === 'error' ? 'error' : value === 'never' ? 'never' : 'ok'

/**
 * Maps a Moneyhub user connection (docs/moneyhub-protocol.md §9.6) onto the shared
 * {@link Connection}, with our derived status (`active`, `expiring`, `expired`, `error`).
 *
 * A one-time connection (read with a one-time grant's own tokens, not the user's ongoing
 * access) passes `options.oneTime`: its expiry is the earlier of the consent's and, when the
 * grant has no refresh token, the moment its access token ends (the session can read it no
 * longer), and the short reconsent journey is never offered for it (docs/moneyhub-protocol.md §4.3,
 * §4.5).
 *
 * @param mh - the upstream connection
 * @param now - the current time
 * @param options.oneTime - set for a one-time grant's connection; `accessEndsAt` (epoch ms)
 *   when its access cannot be renewed
 * @throws AppError `invalid_upstream_response` when the connection cannot be expressed
 */
export function toConnection(
  mh: MhConnection,
  now: Date,
  options: { oneTime?: { accessEndsAt?: number } } = {},
): Connection {
  const oneTime = options.oneTime
  const expiresAt = earliest(isoDateTime(mh.expiresAt), oneTime?.accessEndsAt)
  const lastSyncedAt = isoDateTime(mh.lastUpdated)
  const error = connectionErrorSchema.safeParse(mh.error)
  const tppConsent = (mh as { tppConsent?: unknown }).tppConsent
  const candidate = {
    id: mh.id,
    bankId: mh.id.split(':')[0],
    bankName: mh.name ?? 'Bank',
    type: typeOrApi.parse(mh.type),
    status: connectionStatus({
      upstreamStatus: upstreamStatus(mh.status),
      extendedStatus: mh.extendedStatus === 'expired' ? 'expired' : null,
      expiresAt: expiresAt ?? null,
      now,
    }),
    connectedAt: isoDateTime(mh.connectedOn) ?? lastSyncedAt ?? now.toISOString(),
    ...(lastSyncedAt === undefined ? {} : { lastSyncedAt }),
    ...(expiresAt === undefined ? {} : { consentExpiresAt: expiresAt }),
    ...(oneTime !== undefined
      ? { reconsentAvailable: false }
      : typeof tppConsent === 'boolean'
        ? { reconsentAvailable: tppConsent }
        : {}),
    accountIds: mh.accountIds ?? [],
    ...(error.success ? { error: error.data } : {}),
  }
  const parsed = connectionSchema.safeParse(candidate)
  if (!parsed.success)
    throw new AppError('invalid_upstream_response', { reason: 'connection_shape' })
  return parsed.data
}
