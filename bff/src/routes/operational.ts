import { Hono } from 'hono'

import type { AppEnv } from '../context'
import type { Store } from '../session/store'
import type { Services } from '../services'

/**
 * Routes outside the browser API: `GET /.well-known/jwks.json` (the client's PUBLIC keys for
 * Moneyhub's `jwks_uri`), `GET /healthz` (liveness) and `GET /readyz` (discovery and the
 * provider JWKS reachable, store answering; 503 otherwise).
 */
export function operationalRoutes(s: Services, store: Store) {
  return new Hono<AppEnv>()
    .get('/.well-known/jwks.json', (c) => c.json(s.moneyhub.publicJwks(), 200))
    .get('/healthz', (c) => c.json({ status: 'ok' as const }, 200))
    .get('/readyz', async (c) => {
      const upstream = await s.moneyhub.ready().catch(() => ({ discovery: false, jwks: false }))
      const storeOk = await store
        .get('readyz-probe')
        .then(() => true)
        .catch(() => false)
      const ok = upstream.discovery && upstream.jwks && storeOk
      const body = {
        status: ok ? ('ready' as const) : ('not_ready' as const),
        checks: { ...upstream, store: storeOk },
      }
      return c.json(body, ok ? 200 : 503)
    })
}
