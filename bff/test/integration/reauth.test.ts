/**
 * Checklist S7: a user whose consent was revoked or has expired makes Moneyhub answer the
 * "token for user" (client_credentials with `sub`) request with `invalid_grant`; the BFF then
 * answers the SPA 401 `reauth_required`, not a 502.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, errorBodySchema, sessionResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestBrowser } from '../support/browser'
import {
  bffOverSim,
  callbackPath,
  simMoneyhub,
  startSimWorld,
  type SimWorld,
} from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

function formOf(init: RequestInit): URLSearchParams | undefined {
  if (typeof init.body === 'string') return new URLSearchParams(init.body)
  if (init.body instanceof URLSearchParams) return init.body
  return undefined
}

/**
 * The simulator world, except that a token-for-user request for a user whose grants were
 * revoked through {@link revoke} is answered the way Moneyhub answers it (protocol §6.3 errors:
 * 400 `{"error":"invalid_grant",...}`). The simulator revokes the grant and its tokens but still
 * issues client_credentials tokens for the user, so this one answer is injected on the wire;
 * every other request reaches the simulator.
 */
function revocableWorld(): {
  world: SimWorld
  revoke: (sub: string) => Promise<number>
  refused: string[]
} {
  const revoked = new Set<string>()
  const refused: string[] = []
  const fetch = Object.assign(
    async (input: string, init: RequestInit): Promise<Response> => {
      const form = formOf(init)
      const sub = form?.get('sub')
      if (
        init.method === 'POST' &&
        form?.get('grant_type') === 'client_credentials' &&
        sub != null &&
        revoked.has(sub)
      ) {
        refused.push(sub)
        return new Response(
          JSON.stringify({ error: 'invalid_grant', error_description: 'grant request is invalid' }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        )
      }
      return world.fetch(input, init)
    },
    { close: () => undefined },
  )
  return {
    world: { ...world, fetch },
    refused,
    revoke: async (sub) => {
      revoked.add(sub)
      return world.sim.admin.revokeGrant({ sub })
    },
  }
}

async function signIn(browser: TestBrowser): Promise<string> {
  const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
  const { url } = connectResponseSchema.parse(await res.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await browser.navigate(callbackPath(back))).status).toBe(303)
  const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
  expect(me.authenticated).toBe(true)
  return me.user?.id ?? ''
}

describe('revoked or expired consent (checklist S7)', () => {
  it('invalid_grant on the token-for-user request answers 401 reauth_required', async () => {
    const revocable = revocableWorld()
    const moneyhub = simMoneyhub(revocable.world)
    const { browser } = bffOverSim(world, { moneyhub })
    const sub = await signIn(browser)
    expect((await browser.get('/api/accounts')).status).toBe(200)

    expect(await revocable.revoke(sub)).toBeGreaterThan(0)
    // As when the cached token for the user lapses: the next read asks for a new one.
    moneyhub.forgetUser(sub)

    for (const path of ['/api/accounts', '/api/transactions']) {
      const res = await browser.get(path)
      expect(res.status, path).toBe(401)
      const body = errorBodySchema.parse(await res.json())
      expect(body.error.code, path).toBe('reauth_required')
      expect(JSON.stringify(body)).not.toContain('grant request is invalid')
    }
    expect(revocable.refused.length).toBeGreaterThanOrEqual(2)
  })
})
