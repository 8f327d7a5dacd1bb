import { Hono } from 'hono'
import { z } from 'zod'

import { bankOutcomeSchema } from '../bank-outcomes'
import { faultSchema, type FaultRegistry } from '../faults'
import type { SimState } from '../state'
import type { SimOidcStore } from '../identity/memory-adapter'
import { apiError } from '../internal/api-error'
import { requireAdminToken } from './admin-token'

/** What the admin API acts on. */
export interface AdminDeps {
  faults: FaultRegistry
  state: SimState
  store: SimOidcStore
  rotateKeys: () => Promise<void>
  advanceClock: (seconds: number) => void
  /** When set, every admin route needs `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined
}

const revokeSchema = z.strictObject({
  sub: z.string().min(1).max(100).optional(),
  grantId: z.string().min(1).max(200).optional(),
})

/**
 * The simulator's admin API under `/__sim/` (only mounted in dev/test mode): faults, bank
 * outcomes of payments, counters, key rotation, consent expiry, grant revocation and the
 * simulator clock. With an admin token
 * every route needs it as a bearer token (required beyond loopback).
 *
 * @param deps - The parts it controls.
 * @returns A Hono app to mount at `/__sim`.
 */
export function adminRoutes(deps: AdminDeps) {
  const app = new Hono()
  if (deps.adminToken !== undefined) app.use('*', requireAdminToken(deps.adminToken))

  app.post('/faults', async (c) => {
    const parsed = faultSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return apiError(c, 400, 'invalid_fault', 'Body must be a fault object')
    deps.faults.add(parsed.data)
    return c.body(null, 204)
  })

  app.delete('/faults', (c) => {
    deps.faults.clear()
    return c.body(null, 204)
  })

  app.post('/bank-outcomes', async (c) => {
    const parsed = bankOutcomeSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) {
      return apiError(c, 400, 'invalid_request', 'Give outcome, settleAfterSeconds and times')
    }
    deps.state.bankOutcomes.add(parsed.data)
    return c.body(null, 204)
  })

  app.delete('/bank-outcomes', (c) => {
    deps.state.bankOutcomes.clear()
    return c.body(null, 204)
  })

  app.get('/counters', (c) => c.json(deps.faults.counters()))

  // The opaque token values issued so far, for leak tests (never mounted outside dev/test).
  app.get('/issued-secrets', (c) => c.json({ values: deps.store.issuedSecrets() }))

  app.delete('/counters', (c) => {
    deps.faults.resetCounters()
    return c.body(null, 204)
  })

  app.post('/keys/rotate', async (c) => {
    await deps.rotateKeys()
    return c.body(null, 204)
  })

  app.post('/connections/:connectionId/expire', (c) => {
    const connection = deps.state.connections.get(c.req.param('connectionId'))
    if (!connection) return apiError(c, 404, 'not_found', 'Connection not found')
    connection.extendedStatus = 'expired'
    return c.body(null, 204)
  })

  app.post('/grants/revoke', async (c) => {
    const parsed = revokeSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success || (!parsed.data.sub && !parsed.data.grantId)) {
      return apiError(c, 400, 'invalid_request', 'Give sub or grantId')
    }
    const { sub, grantId } = parsed.data
    let revoked = 0
    for (const grant of deps.store.entries('Grant')) {
      const id = grant.jti
      if (!id) continue
      if ((grantId && id === grantId) || (sub && grant.accountId === sub)) {
        // The user withdrew the consent: a token for them is then refused (invalid_grant).
        deps.store.revokeGrant(id, 'withdrawn')
        revoked += 1
      }
    }
    return c.json({ revoked })
  })

  app.post('/clock/advance', async (c) => {
    const parsed = z
      .strictObject({
        seconds: z
          .number()
          .int()
          .min(0)
          .max(10 * 365 * 24 * 3600),
      })
      .safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return apiError(c, 400, 'invalid_request', 'Give seconds')
    deps.advanceClock(parsed.data.seconds)
    return c.body(null, 204)
  })

  return app
}
