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

const upstreamStatus = (value: unknown): 'ok' | 'error' | 'never' =>
  value === 'error' ? 'error' : value === 'never' ? 'never' : 'ok'

/**
 * Maps a Moneyhub user connection (protocol §9.6) onto the shared {@link Connection}, with
 * our derived status (`active`, `expiring`, `expired`, `error`).
 *
 * @param mh - the upstream connection
 * @param now - the current time
 * @throws AppError `invalid_upstream_response` when the connection cannot be expressed
 */
export function toConnection(mh: MhConnection, now: Date): Connection {
  const expiresAt = isoDateTime(mh.expiresAt)
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
    ...(typeof tppConsent === 'boolean' ? { reconsentAvailable: tppConsent } : {}),
    accountIds: mh.accountIds ?? [],
    ...(error.success ? { error: error.data } : {}),
  }
  const parsed = connectionSchema.safeParse(candidate)
  if (!parsed.success)
    throw new AppError('invalid_upstream_response', { reason: 'connection_shape' })
  return parsed.data
}
