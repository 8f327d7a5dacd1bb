import { Hono } from 'hono'

import type { FaultRegistry } from '../faults'
import { faultGuard } from '../internal/fault-guard'
import type { LegacyRequestUris } from './legacy-request-uris'

/** What the legacy request-object endpoint needs. */
export interface LegacyRequestDeps {
  uris: LegacyRequestUris
  faults: FaultRegistry
  /** Registered client ids. */
  clientIds: ReadonlySet<string>
  /** Client ids registered with request-object alg `none`. */
  unsignedClients: ReadonlySet<string>
}

/** oidc-provider's own limit on request bodies, kept for this endpoint too. */
const MAX_BODY_BYTES = 56 * 1024

/**
 * Moneyhub's legacy request-object endpoint, `POST /request` on the identity host (not the PAR
 * endpoint `/oidc/request`): the body is a request object as a compact JWS
 * (`Content-Type: application/jws`), there is no client authentication (the signature is the
 * client's proof), and the answer is the plain-text URN `urn:x-mh-request:<uuid>` to use as
 * `/oidc/auth?request_uri=` (docs/moneyhub-protocol.md §3.6). The official Node client sends every
 * payment authorisation this way.
 *
 * Here the object's shape, its client and its `alg` are checked; its signature, `aud`, `exp`
 * and claims are checked by oidc-provider when the URN reaches `/oidc/auth`, exactly as for a
 * request object by value. Errors are OAuth JSON (`invalid_request`, `invalid_client`,
 * `invalid_request_object`); the route key is `POST /request`.
 *
 * @param deps - The URN store, faults and the registered clients.
 * @returns A Hono app mounted at the identity host's root.
 * @see https://docs.moneyhubenterprise.com/docs/post-request-request-object-endpoint
 */
export function legacyRequestRoute(deps: LegacyRequestDeps) {
  const app = new Hono()
  app.post('/request', faultGuard(deps.faults, 'POST /request'), async (c) => {
    const oauthError = (error: string, description: string, status: 400 | 401 | 413 | 415) =>
      c.json({ error, error_description: description }, status)
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/jws') {
      return oauthError('invalid_request', 'Content-Type must be application/jws', 415)
    }
    const body = (await c.req.text()).trim()
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
      return oauthError('invalid_request', 'request object too large', 413)
    }
    const object = readCompactJws(body)
    if (!object) {
      return oauthError('invalid_request_object', 'body is not a compact JWS request object', 400)
    }
    const clientId =
      typeof object.payload.client_id === 'string' ? object.payload.client_id : undefined
    if (!clientId || !deps.clientIds.has(clientId)) {
      return oauthError('invalid_client', 'the request object names no registered client', 401)
    }
    if (object.payload.iss !== undefined && object.payload.iss !== clientId) {
      return oauthError('invalid_request_object', 'iss must equal client_id', 400)
    }
    const unsigned = object.header.alg === 'none'
    if (unsigned !== deps.unsignedClients.has(clientId) || (unsigned && object.signature !== '')) {
      return oauthError(
        'invalid_request_object',
        "the request object's alg differs from the client's registered alg",
        400,
      )
    }
    return c.text(deps.uris.issue(body, clientId))
  })
  return app
}

/** The decoded header and payload of a compact JWS, or `undefined` when it is not one. */
function readCompactJws(
  value: string,
):
  | { header: Record<string, unknown>; payload: Record<string, unknown>; signature: string }
  | undefined {
  const parts = value.split('.')
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part))) return undefined
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'))
    const payload: unknown = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'))
    if (!isObject(header) || !isObject(payload) || typeof header.alg !== 'string') return undefined
    return { header, payload, signature: parts[2] ?? '' }
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
