/**
 * The simulator cannot be exposed by accident: it binds to loopback unless told otherwise, and
 * once it is told (allowRemote), its admin API — which lists live token values — needs a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SimAdminClient, startSimulator, type RunningSimulator } from '../src/index'

const TOKEN = 'sim-admin-token-0123456789abcdefghijklmnop'

describe('binding and the admin token', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', 'sim.example.com'])(
    'refuses to bind %s without allowRemote',
    async (host) => {
      await expect(startSimulator({ host })).rejects.toThrow(/loopback/)
    },
  )

  it('refuses a non-loopback host with allowRemote but no admin token', async () => {
    await expect(startSimulator({ host: '0.0.0.0', allowRemote: true })).rejects.toThrow(
      /adminToken/,
    )
  })

  it('refuses an admin token shorter than 32 characters, without echoing it', async () => {
    const error = await startSimulator({ adminToken: 'short-token-value' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(String((error as Error).message)).not.toContain('short-token-value')
  })

  describe('with an admin token', () => {
    let sim: RunningSimulator
    beforeAll(async () => {
      sim = await startSimulator({ adminToken: TOKEN })
    })
    afterAll(async () => {
      await sim.close()
    })

    it('answers the admin API 401 without the token or with another one', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, TOKEN]) {
        const response = await fetch(`${sim.identityUrl}/__sim/issued-secrets`, {
          headers: authorization === undefined ? {} : { authorization },
        })
        expect(response.status, authorization).toBe(401)
        expect(response.headers.get('www-authenticate')).toBe('Bearer')
        expect(await response.text()).not.toContain(TOKEN)
      }
      const untokened = new SimAdminClient(sim.identityUrl)
      await expect(untokened.counters()).rejects.toThrow(/401/)
    })

    it('serves the admin API to the running simulator’s client and to one given the token', async () => {
      await expect(sim.admin.counters()).resolves.toBeTypeOf('object')
      await sim.admin.resetCounters()
      const client = new SimAdminClient(sim.identityUrl, fetch, TOKEN)
      await expect(client.issuedSecrets()).resolves.toBeInstanceOf(Array)
    })

    it('leaves the OIDC and data routes open', async () => {
      const discovery = await fetch(`${sim.issuer}/.well-known/openid-configuration`)
      expect(discovery.status).toBe(200)
    })
  })
})
