import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Hono } from 'hono'
import { getRequestListener, type HttpBindings } from '@hono/node-server'
import type Provider from 'oidc-provider'
import type { KoaContextWithOIDC } from 'oidc-provider'
import type { JWK } from 'jose'

import { adminRoutes } from './admin/admin-routes'
import { MIN_ADMIN_TOKEN_LENGTH } from './admin/admin-token'
import { SimAdminClient } from './admin/sim-admin-client'
import { createDataApi } from './data-api/create-data-api'
import { FaultRegistry } from './faults'
import { apiError } from './internal/api-error'
import { isLoopbackHost } from './internal/loopback-host'
import { FixtureCache } from './fixtures/fixture-cache'
import { forgetFailedClientKeys } from './identity/client-jwks'
import { createProvider } from './identity/create-provider'
import { interactionRoutes } from './identity/interaction-routes'
import { SimOidcStore } from './identity/memory-adapter'
import type { SimClient } from './identity/sim-client'
import { legacyRequestRoute } from './identity/legacy-request-route'
import { LegacyRequestUris } from './identity/legacy-request-uris'
import { oidcGateway, type NodeHandler } from './identity/oidc-gateway'
import { generateSigningKeys, initialSigningKeys } from './identity/signing-keys'
import { identityRestRoutes } from './rest/identity-rest-routes'
import { markSubmitted } from './rest/payment-submission'
import { SimState } from './state'

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /**
   * Interface to bind and to name in URLs (default `127.0.0.1`). Only loopback hosts unless
   * `allowRemote` is set.
   */
  host?: string
  /**
   * Allow a non-loopback `host` (`0.0.0.0`, a LAN address, ...). The simulator is for dev and
   * test, so this must be asked for; the admin API then needs `adminToken` (or `admin: false`).
   */
  allowRemote?: boolean
  /**
   * Bearer token the `/__sim/` admin API requires (at least 32 characters); `admin` of the
   * returned simulator sends it. Required with a non-loopback host while the admin API is on.
   */
  adminToken?: string
  /** Identity service port (default 0: a random free port). */
  identityPort?: number
  /** Data API port (default 0: a random free port). */
  apiPort?: number
  /** Registered clients. */
  clients?: SimClient[]
  /** Lifetime of a PAR `request_uri` in seconds (default and maximum 60). */
  parTtlSeconds?: number
  /** Mount the `/__sim/` admin API (default true; set false outside dev and test). */
  admin?: boolean
  /** Seed of the generated account data (default `mhkit`). */
  seed?: string
}

/** A running simulator. */
export interface RunningSimulator {
  /** OIDC issuer, `http://<host>:<identityPort>/oidc`. */
  issuer: string
  /** Identity host for REST resources, `http://<host>:<identityPort>`. */
  identityUrl: string
  /** Data API base, `http://<host>:<apiPort>/v3`. */
  apiUrl: string
  /** Admin API client (its calls fail when started with `admin: false`). */
  admin: SimAdminClient
  /** Stop both servers. */
  close(): Promise<void>
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return (server.address() as AddressInfo).port
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

/**
 * Start the Moneyhub simulator: the identity service (oidc-provider at `/oidc`, bank pages,
 * identity REST, admin API) on one port and the data API on another.
 *
 * @param options - Ports, clients, PAR TTL, admin switch and fixture seed.
 * @returns URLs, an admin client and `close()`. Throws `TypeError` for an invalid client and
 *   the listen error when a port is taken.
 * @see ../README.md
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1'
  // Checked before anything listens: the simulator must not be reachable by accident.
  if (!isLoopbackHost(host) && options.allowRemote !== true) {
    throw new TypeError(
      `host ${host} is not a loopback address; the simulator is for dev and test, pass allowRemote (SIM_ALLOW_REMOTE=1) to bind it anyway`,
    )
  }
  if (options.adminToken !== undefined && options.adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new TypeError(`adminToken must be at least ${String(MIN_ADMIN_TOKEN_LENGTH)} characters`)
  }
  if (!isLoopbackHost(host) && options.admin !== false && options.adminToken === undefined) {
    throw new TypeError(
      'the admin API lists live tokens: on a non-loopback host it needs adminToken (SIM_ADMIN_TOKEN) or admin: false',
    )
  }
  const parTtl = Math.min(Math.max(options.parTtlSeconds ?? 60, 1), 60)
  let clockOffsetMs = 0
  const nowMs = () => Date.now() + clockOffsetMs
  const now = () => new Date(nowMs())
  const state = new SimState(now)
  const faults = new FaultRegistry()
  const fixtures = new FixtureCache(options.seed ?? 'mhkit')
  const store = new SimOidcStore(nowMs, (model) =>
    model === 'PushedAuthorizationRequest' ? parTtl : undefined,
  )
  const unsignedClients = new Set(
    (options.clients ?? [])
      .filter((client) => client.request_object_signing_alg === 'none')
      .map((client) => client.client_id),
  )
  const legacyRequests = new LegacyRequestUris(nowMs, parTtl)
  const cookieKeys = [randomBytes(32).toString('base64url')]
  let keys: JWK[] = await initialSigningKeys()

  let provider: Provider | undefined
  let oidcCallback: NodeHandler | undefined
  const currentProvider = (): Provider => {
    if (!provider) throw new Error('simulator is not started')
    return provider
  }

  const identityServer = createServer()
  const apiServer = createServer()
  const identityPort = await listen(identityServer, options.identityPort ?? 0, host)
  const apiPort = await listen(apiServer, options.apiPort ?? 0, host)
  const identityUrl = `http://${host}:${String(identityPort)}`
  const issuer = `${identityUrl}/oidc`
  const apiUrl = `http://${host}:${String(apiPort)}/v3`

  const buildProvider = () => {
    const built = createProvider({
      issuer,
      clients: options.clients ?? [],
      keys,
      cookieKeys,
      store,
      state,
      now,
      interactionPath: '/interaction',
    })
    built.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
      try {
        await next()
      } finally {
        forgetFailedClientKeys(ctx)
      }
      if (ctx.oidc?.route === 'discovery' && ctx.status === 200) {
        // Advertise what Moneyhub does: unsigned request objects (unpacked before
        // oidc-provider, see unsigned-request-object.ts) and PAR request_uris at /auth.
        const body = ctx.body as Record<string, unknown>
        body.request_object_signing_alg_values_supported = ['none', 'PS256', 'ES256', 'RS256']
        body.request_uri_parameter_supported = true
      }
      // oidc-provider caps PAR lifetimes at 60 s; report the simulator's shorter TTL if set.
      if (ctx.oidc?.route === 'pushed_authorization_request' && ctx.status === 201) {
        const body = ctx.body as { expires_in?: number }
        if (typeof body.expires_in === 'number') body.expires_in = Math.min(body.expires_in, parTtl)
      }
    })
    built.on('grant.success', (ctx: KoaContextWithOIDC) => {
      if (ctx.oidc.params?.grant_type !== 'authorization_code') return
      const grantId = ctx.oidc.entities.AuthorizationCode?.grantId
      if (grantId) markSubmitted(state, grantId, now())
    })
    provider = built
    oidcCallback = built.callback()
  }
  buildProvider()

  const identityApp = new Hono<{ Bindings: HttpBindings }>()
  identityApp.route(
    '/',
    interactionRoutes({
      provider: currentProvider,
      state,
      now,
      forgetSession: (uid) => store.forgetSession(uid),
    }),
  )
  identityApp.route(
    '/',
    legacyRequestRoute({
      uris: legacyRequests,
      faults,
      clientIds: new Set((options.clients ?? []).map((client) => client.client_id)),
      unsignedClients,
    }),
  )
  identityApp.route(
    '/',
    identityRestRoutes({
      provider: currentProvider,
      state,
      fixtures,
      faults,
      now,
      revokeGrants: (match) => {
        for (const grant of store.entries('Grant')) {
          const grantId = grant.jti
          if (grantId && match({ grantId, accountId: grant.accountId })) store.revokeGrant(grantId)
        }
      },
    }),
  )
  if (options.admin !== false) {
    identityApp.route(
      '/__sim',
      adminRoutes({
        faults,
        state,
        store,
        rotateKeys: async () => {
          keys = [...(await generateSigningKeys()), ...keys]
          buildProvider()
        },
        advanceClock: (seconds) => {
          clockOffsetMs += seconds * 1000
        },
        adminToken: options.adminToken,
      }),
    )
  }
  identityApp.notFound((c) => apiError(c, 404, 'not_found', 'No such route'))
  identityApp.onError((_error, c) => apiError(c, 500, 'internal_error', 'The simulator failed'))

  identityServer.on(
    'request',
    oidcGateway({
      store,
      faults,
      unsignedClients,
      legacyRequests,
      rest: getRequestListener(identityApp.fetch),
      provider: () => {
        if (!oidcCallback) throw new Error('simulator is not started')
        return oidcCallback
      },
    }),
  )

  const dataApi = createDataApi({
    provider: currentProvider,
    state,
    fixtures,
    faults,
    now,
    apiUrl: () => apiUrl,
  })
  const apiListener = getRequestListener(dataApi.fetch)
  apiServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void apiListener(req, res)
  })

  return {
    issuer,
    identityUrl,
    apiUrl,
    admin: new SimAdminClient(identityUrl, fetch, options.adminToken),
    close: async () => {
      await Promise.all([closeServer(identityServer), closeServer(apiServer)])
    },
  }
}
