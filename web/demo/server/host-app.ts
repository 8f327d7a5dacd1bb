import type { Bff } from '@mhkit/bff'
import { Hono } from 'hono'
import { demoAuthRoutes } from './demo-auth-routes'
import type { HostAccounts } from './host-accounts'

/**
 * The demo host: its own routes (`/api/demo-auth/*`, the demo sign-in) and, for every other
 * path, the BFF it mounts. The Node server's bindings (`c.env`) pass through, so the BFF still
 * sees each request's peer address for its rate limits.
 *
 * @param deps - the BFF (built with the host's `userBinding`), the host's accounts and the
 *   app origin
 */
export function createHostApp(deps: {
  readonly bff: Pick<Bff, 'fetch'>
  readonly accounts: HostAccounts
  readonly appOrigin: string
}) {
  return new Hono()
    .route('/api/demo-auth', demoAuthRoutes(deps.accounts, deps.appOrigin))
    .all('*', (c) => deps.bff.fetch(c.req.raw, c.env))
}
