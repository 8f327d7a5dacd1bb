import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { MOCK_BANK_ID } from '@mhkit/sim'
import { claims, scopePresets } from '@mhkit/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createSharedTokenCache, type MoneyhubClient } from '../../src/moneyhub'
import { createSealer } from '../../src/session/sealer'
import { createSqliteStore } from '../../src/session/sqlite-store'
import type { Store } from '../../src/session/store'
import { startHarness, type SimHarness } from './support'

/**
 * Two BFF instances are two Moneyhub clients, each with its own handle on one SQLite file (as
 * two processes would have), sharing the token cache through it.
 */
describe('the token cache shared through the store', () => {
  let h: SimHarness
  let sub: string
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-tokens-'))
  const key = randomBytes(32)
  let n = 0
  let stores: Store[] = []
  let a: MoneyhubClient
  let b: MoneyhubClient

  const instance = (path: string): MoneyhubClient => {
    const store = createSqliteStore({ path })
    stores.push(store)
    return h.makeClient({
      tokenCache: createSharedTokenCache({ store, sealer: createSealer(key) }),
    })
  }
  const tokenRequests = async (): Promise<number> =>
    (await h.sim.admin.counters())['token:client_credentials'] ?? 0

  beforeAll(async () => {
    h = await startHarness()
    const result = await h.authorise({
      scope: scopePresets.aisOngoing(MOCK_BANK_ID),
      claims: claims().sub().connectionId().build(),
      expectedClaims: { connectionId: true },
    })
    sub = result.sub
  })

  beforeEach(async () => {
    const path = join(dir, `t${++n}.sqlite`)
    a = instance(path)
    b = instance(path)
    await Promise.all([a.discovery(), b.discovery()])
    await h.sim.admin.resetCounters()
  })

  afterAll(async () => {
    for (const store of stores) await store.close()
    stores = []
    await h.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('makes ONE token request for 50 concurrent data calls across two instances', async () => {
    const calls = Array.from({ length: 50 }, (_, i) =>
      (i % 2 === 0 ? a : b).getAccounts(sub, { limit: 1 }),
    )
    await Promise.all(calls)
    expect(await tokenRequests()).toBe(1)
    // And the other instance reads it afterwards too.
    await b.getAccounts(sub, { limit: 1 })
    await a.getAccounts(sub, { limit: 1 })
    expect(await tokenRequests()).toBe(1)
  })

  it('keeps tokens sealed at rest, and a user forgotten on one instance is forgotten on all', async () => {
    const token = await a.tokenForUser(sub, ['accounts:read'])
    const path = join(dir, `t${n}.sqlite`)
    // The store holds no token in the clear (docs/security.md K6), under any key we can name.
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(path, { readonly: true })
    const dump = JSON.stringify(db.prepare('SELECT * FROM kv').all())
    db.close()
    expect(dump).not.toContain(token.accessToken)

    expect((await b.tokenForUser(sub, ['accounts:read'])).accessToken).toBe(token.accessToken)
    await a.forgetUser(sub)
    await b.tokenForUser(sub, ['accounts:read'])
    expect(await tokenRequests()).toBe(2)
  })

  it('a held lock whose holder died lapses, and a waiter then asks by itself', async () => {
    const path = join(dir, `t${n}.sqlite`)
    const open = () => {
      const store = createSqliteStore({ path })
      stores.push(store)
      return createSharedTokenCache({ store, sealer: createSealer(key), lockTtlMs: 300 })
    }
    // An instance takes the lock and never answers (killed mid token request).
    void open().get(`user:${sub}\u0000accounts:read`, () => new Promise(() => undefined))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const c = h.makeClient({ tokenCache: open() })
    const token = await c.tokenForUser(sub, ['accounts:read'])
    expect(token.accessToken.length).toBeGreaterThan(0)
    expect(await tokenRequests()).toBe(1)
  })
})
