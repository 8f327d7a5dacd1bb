/**
 * A user's connections (identity host, client-level `connection:*` scopes) and sync (data API
 * with `sub`); docs/moneyhub-protocol.md §9.6.
 */
import { MoneyhubError } from './errors'
import type { ClientContext } from './internal/context'
import { callData, callVoid, segment, type TokenSource } from './internal/rest'
import {
  listSchema,
  mhConnectionSchema,
  mhSyncResultSchema,
  type MhConnection,
  type MhSyncResult,
} from './schemas'

/** `GET /users/{userId}/connections`. @throws MoneyhubError `invalid_input`, `not_found`, ... */
export async function listConnections(
  ctx: ClientContext,
  token: TokenSource,
  userId: string,
): Promise<MhConnection[]> {
  return callData(ctx, {
    host: 'identity',
    method: 'GET',
    path: `/users/${segment(userId, 'user id')}/connections`,
    token,
    schema: listSchema(mhConnectionSchema),
  })
}

/**
 * `DELETE /users/{userId}/connection/{connectionId}` — the singular `connection` is Moneyhub's
 * path (the plural is a community-client mistake, §10.3). Revokes the grant; 204.
 *
 * @throws MoneyhubError `invalid_input`, `not_found`, ...
 */
export async function deleteConnection(
  ctx: ClientContext,
  token: TokenSource,
  userId: string,
  connectionId: string,
): Promise<void> {
  await callVoid(ctx, {
    host: 'identity',
    method: 'DELETE',
    path: `/users/${segment(userId, 'user id')}/connection/${segment(connectionId, 'connection id')}`,
    token,
  })
}

/**
 * `PATCH /users/{userId}/connections/{connectionId}` with `{ expiresAt }` (≤ 90 days ahead;
 * only for clients that bypass consent).
 *
 * @throws MoneyhubError `invalid_input` for a bad date; upstream codes
 */
export async function updateConnectionExpiry(
  ctx: ClientContext,
  token: TokenSource,
  userId: string,
  connectionId: string,
  expiresAt: string,
): Promise<void> {
  if (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))) {
    throw new MoneyhubError('invalid_input', 'expiresAt must be an ISO date-time')
  }
  await callVoid(ctx, {
    host: 'identity',
    method: 'PATCH',
    path: `/users/${segment(userId, 'user id')}/connections/${segment(connectionId, 'connection id')}`,
    body: { expiresAt },
    token,
  })
}

/**
 * `POST /sync/{connectionId}` on the data API (user token with `accounts:read
 * accounts:write:all`). 403 with an expired consent maps to `consent_expired`.
 *
 * @throws MoneyhubError `consent_expired`, `rate_limited`, `invalid_input`, ...
 */
export async function syncConnection(
  ctx: ClientContext,
  token: TokenSource,
  connectionId: string,
  body: { enableAsync?: boolean; customerIpAddress?: string; customerLastLoggedTime?: string } = {},
): Promise<MhSyncResult> {
  return callData(ctx, {
    host: 'data',
    method: 'POST',
    path: `/sync/${segment(connectionId, 'connection id')}`,
    body,
    token,
    schema: mhSyncResultSchema,
  })
}
