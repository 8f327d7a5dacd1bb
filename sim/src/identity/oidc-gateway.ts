import type { IncomingMessage, ServerResponse } from 'node:http'

import type { FaultRegistry } from '../faults'
import { LEGACY_REQUEST_URN, type LegacyRequestUris } from './legacy-request-uris'
import type { SimOidcStore } from './memory-adapter'
import { unpackUnsignedRequestObject } from './unsigned-request-object'

/** A Node request handler (oidc-provider's `callback()`, or a Hono app's listener). */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown

/** What {@link oidcGateway} routes between and reads. */
export interface OidcGatewayDeps {
  /** The provider's own store: authorization codes and pushed requests are read from it. */
  store: SimOidcStore
  /** Counters and injected faults, by route key. */
  faults: FaultRegistry
  /** Client ids registered with request-object alg `none`. */
  unsignedClients: ReadonlySet<string>
  /** Request objects of the legacy `POST /request`. */
  legacyRequests: LegacyRequestUris
  /** Everything on the identity host that is not OIDC: bank pages, identity REST, admin API. */
  rest: NodeHandler
  /** oidc-provider's handler as it is now (rebuilt when the signing keys rotate). */
  provider: () => NodeHandler
}

/** Read a form body; `undefined` when it is larger than oidc-provider would accept (56 KiB). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > 56 * 1024) return undefined
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Moneyhub's `sub` on the `authorization_code` grant: when sent, the code must belong to that
 * user's authorisation. oidc-provider ignores unknown token parameters, so the check is here.
 */
function codeSubMismatch(store: SimOidcStore, form: URLSearchParams): boolean {
  const sub = form.get('sub')
  const code = form.get('code')
  if (form.get('grant_type') !== 'authorization_code' || !sub || !code) return false
  const payload = store.peek('AuthorizationCode', code)
  return payload !== undefined && payload.accountId !== sub
}

const PAR_URN = 'urn:ietf:params:oauth:request_uri:'

/** The client of a pushed request, read from the simulator's own store (no verification needed). */
function pushedClientId(store: SimOidcStore, requestUri: string): string | undefined {
  if (!requestUri.startsWith(PAR_URN)) return undefined
  const payload = store.peek('PushedAuthorizationRequest', requestUri.slice(PAR_URN.length))
  const jwt = typeof payload?.request === 'string' ? payload.request : undefined
  const body = jwt?.split('.')[1]
  if (!body) return undefined
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      client_id?: unknown
    }
    return typeof claims.client_id === 'string' ? claims.client_id : undefined
  } catch {
    return undefined
  }
}

/** Route keys of oidc-provider endpoints, for counters and faults. */
function oidcRouteKey(pathWithQuery: string): string {
  const path = pathWithQuery.split('?')[0] ?? ''
  if (path === '/request') return 'par'
  if (path === '/auth' || path.startsWith('/auth/')) return 'auth'
  if (path === '/token') return 'token'
  if (path === '/certs') return 'jwks'
  if (path === '/.well-known/openid-configuration') return 'discovery'
  return `oidc ${path}`
}

/** An answer the gateway gives itself instead of forwarding to oidc-provider. */
interface Refusal {
  status: number
  contentType: string
  body: string
}

const INVALID_REQUEST_URI: Refusal = {
  status: 400,
  contentType: 'text/plain; charset=utf-8',
  body: 'invalid_request_uri: request_uri is invalid, expired, or was already used',
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { 'content-type': refusal.contentType }).end(refusal.body)
}

/** Whether a request is for oidc-provider (Moneyhub's bank lists under `/oidc` are REST). */
function isOidc(url: string): boolean {
  const under = url === '/oidc' || url.startsWith('/oidc/') || url.startsWith('/oidc?')
  return under && !/^\/oidc\/\.well-known\/[a-z]+-connections/.test(url)
}

/**
 * A token or PAR form, read here so the gateway learns the grant type and can unpack an
 * unsigned request object; oidc-provider then takes the already-read body from `req.body`.
 * Adds the `token:<grant_type>` route key (most specific first).
 *
 * @returns a refusal for a body too large, or a code exchange whose `sub` names another user
 */
async function prepareForm(
  deps: OidcGatewayDeps,
  req: IncomingMessage,
  routeKeys: string[],
): Promise<Refusal | undefined> {
  const base = routeKeys[0] ?? ''
  const raw = await readBody(req)
  if (raw === undefined) {
    return {
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'invalid_request', error_description: 'body too large' }),
    }
  }
  const form = new URLSearchParams(raw)
  const unpacked =
    base === 'par' ? unpackUnsignedRequestObject(form, deps.unsignedClients) : undefined
  ;(req as IncomingMessage & { body?: string }).body = (unpacked ?? form).toString()
  if (base === 'token') routeKeys.unshift(`token:${form.get('grant_type') ?? 'unknown'}`)
  if (codeSubMismatch(deps.store, form)) {
    deps.faults.count(routeKeys[0] ?? base)
    return {
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: 'invalid_grant',
        error_description: 'grant request is invalid',
      }),
    }
  }
  return undefined
}

/**
 * The authorisation URL as oidc-provider takes it: a legacy request URN swapped for its
 * request object (oidc-provider resolves only its own PAR URNs), an unsigned request object
 * unpacked, and the client named when Moneyhub's `?request_uri=` came alone.
 *
 * @param path - the path and query below `/oidc`
 * @returns the path to forward, or a refusal for an unknown, expired or used `request_uri`
 */
function prepareAuthorisation(deps: OidcGatewayDeps, path: string): string | Refusal {
  const [pathname = '', search = ''] = path.split('?', 2)
  let query = new URLSearchParams(search)
  let forwardPath = path
  const legacyUri = query.get('request_uri')
  if (legacyUri?.startsWith(LEGACY_REQUEST_URN)) {
    // docs/moneyhub-protocol.md §3.6: hand oidc-provider the stored request object by value.
    const legacy = deps.legacyRequests.take(legacyUri)
    const outerClient = query.get('client_id')
    if (!legacy || (outerClient !== null && outerClient !== legacy.clientId)) {
      deps.faults.count('auth')
      return INVALID_REQUEST_URI
    }
    query.delete('request_uri')
    query.set('client_id', legacy.clientId)
    query.set('request', legacy.request)
    forwardPath = `${pathname}?${query.toString()}`
  }
  const unpacked = unpackUnsignedRequestObject(query, deps.unsignedClients)
  query = unpacked ?? query
  const requestUri = query.get('request_uri')
  const clientId =
    requestUri && !query.has('client_id') ? pushedClientId(deps.store, requestUri) : undefined
  // An unknown or expired request_uri and no client to redirect to: answered as oidc-provider does.
  if (requestUri && !query.has('client_id') && !clientId) return INVALID_REQUEST_URI
  if (clientId) query.set('client_id', clientId)
  return unpacked || clientId ? `${pathname}?${query.toString()}` : forwardPath
}

/**
 * The identity host's front door. Requests under `/oidc` go to oidc-provider, after the
 * simulator has done what Moneyhub does and oidc-provider does not: it counts each under its
 * route key and applies injected faults; reads the token and PAR form (to learn the grant type
 * and to unpack an unsigned request object, docs/moneyhub-protocol.md §3); refuses a code
 * exchange whose `sub` names another user; swaps a legacy request URN (§3.6) for its request
 * object; and names the client of an authorisation URL that carries only a PAR `request_uri`.
 * Everything else on the host (bank pages, identity REST, the admin API, and the bank lists
 * Moneyhub serves under `/oidc/.well-known`) goes to `rest`.
 *
 * @param deps - see {@link OidcGatewayDeps}
 * @returns the `request` listener of the identity server; a failure answers 500 `server_error`
 */
export function oidcGateway(deps: OidcGatewayDeps): NodeHandler {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/'
    if (!isOidc(url)) {
      await deps.rest(req, res)
      return
    }
    const path = url.slice('/oidc'.length) || '/'
    const base = oidcRouteKey(path)
    const routeKeys = [base]
    let forwardPath = path
    if ((base === 'token' || base === 'par') && req.method === 'POST') {
      const refusal = await prepareForm(deps, req, routeKeys)
      if (refusal !== undefined) return refuse(res, refusal)
    } else if (base === 'auth' && path.includes('?')) {
      const prepared = prepareAuthorisation(deps, path)
      if (typeof prepared !== 'string') return refuse(res, prepared)
      forwardPath = prepared
    }
    deps.faults.count(routeKeys[0] ?? base)
    const outcome = await deps.faults.apply(routeKeys)
    if (outcome.kind === 'respond') {
      res.writeHead(outcome.status, outcome.headers).end(outcome.body)
      return
    }
    ;(req as IncomingMessage & { originalUrl?: string }).originalUrl = `/oidc${forwardPath}`
    req.url = forwardPath
    await deps.provider()(req, res)
  }
  return (req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: 'server_error', error_description: 'simulator failure' }))
    })
  }
}
