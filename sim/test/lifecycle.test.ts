import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as oauth from 'oauth4webapi'
import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, startSimulator } from '../src/index'
import {
  call,
  clientToken,
  connectUser,
  finish,
  pushSigned,
  REDIRECT_URI,
  startWithClient,
  type TestClient,
} from './oauth-client'

describe('connection lifecycle', () => {
  let t: TestClient
  let userId: string
  let connectionId: string

  beforeAll(async () => {
    t = await startWithClient()
    ;({ userId, connectionId } = await connectUser(t))
  })
  afterAll(async () => {
    await t.sim.close()
  })

  it('reauthorises an expired connection and makes its data readable again', async () => {
    await t.sim.admin.expireConsent(connectionId)
    const token = await clientToken(t, 'accounts:read', userId)
    expect((await call(`${t.sim.apiUrl}/accounts`, token)).status).toBe(403)

    const flow = await pushSigned(t, {
      scope: 'openid reauth',
      claims: {
        id_token: {
          sub: { essential: true, value: userId },
          'mh:con_id': { essential: true, value: connectionId },
        },
      },
    })
    const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
    expect(claims.sub).toBe(userId)
    expect(claims['mh:con_id']).toBe(connectionId)
    expect((await call(`${t.sim.apiUrl}/accounts`, token)).status).toBe(200)
  })

  it('reconsents with a new expiry date', async () => {
    const expiry = new Date(Date.now() + 30 * 24 * 3600 * 1000)
    const flow = await pushSigned(t, {
      scope: 'openid reconsent',
      claims: {
        id_token: {
          sub: { essential: true, value: userId },
          'mh:con_id': { essential: true, value: connectionId },
          'mh:consent': { value: { expirationDateTime: expiry.toISOString() } },
        },
      },
    })
    await finish(t, flow, await approveConsent(flow.authUrl))
    const connections = await call(
      `${t.sim.identityUrl}/users/${userId}/connections`,
      await clientToken(t, 'connection:read'),
    )
    const connection = (connections.body as { data: { id: string; expiresAt: string }[] }).data[0]
    expect(connection?.expiresAt).toBe(expiry.toISOString())
  })

  it('refuses reauth for a connection of another user', async () => {
    const other = await call(`${t.sim.identityUrl}/users`, await clientToken(t, 'user:create'), {
      method: 'POST',
      body: {},
    })
    const otherId = (other.body as { userId: string }).userId
    await expect(
      pushSigned(t, {
        scope: 'openid reauth',
        claims: {
          id_token: {
            sub: { essential: true, value: otherId },
            'mh:con_id': { essential: true, value: connectionId },
          },
        },
      }),
    ).rejects.toMatchObject({ error: 'invalid_request' })
  })

  it('deletes a user with DELETE /users/:id', async () => {
    const created = await call(`${t.sim.identityUrl}/users`, await clientToken(t, 'user:create'), {
      method: 'POST',
      body: {},
    })
    const id = (created.body as { userId: string }).userId
    const token = await clientToken(t, 'user:delete user:read')
    expect(
      (await call(`${t.sim.identityUrl}/users/${id}`, token, { method: 'DELETE' })).status,
    ).toBe(204)
    expect((await call(`${t.sim.identityUrl}/users/${id}`, token)).status).toBe(404)
  })
})

describe('client keys from a jwks_uri', () => {
  it('fetches the client keys lazily, so the client may publish them after the simulator starts', async () => {
    const { privateKey, publicKey } = await generateKeyPair('PS256', { extractable: true })
    const jwk = { ...(await exportJWK(publicKey)), kid: 'bff-key', alg: 'PS256', use: 'sig' }
    let published = false
    const jwksServer = createServer((_req, res) => {
      if (!published) {
        res.writeHead(503).end()
        return
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }))
    })
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve))
    const port = (jwksServer.address() as AddressInfo).port
    const sim = await startSimulator({
      clients: [
        {
          client_id: 'bff',
          jwks_uri: `http://127.0.0.1:${String(port)}/.well-known/jwks.json`,
          redirect_uris: [REDIRECT_URI],
        },
      ],
    })
    try {
      const options = { [oauth.allowInsecureRequests]: true } as const
      const issuer = new URL(sim.issuer)
      const as = await oauth.processDiscoveryResponse(
        issuer,
        await oauth.discoveryRequest(issuer, options),
      )
      const client = { client_id: 'bff' }
      const auth = oauth.PrivateKeyJwt({ key: privateKey, kid: 'bff-key' })
      const attempt = async () =>
        oauth.processClientCredentialsResponse(
          as,
          client,
          await oauth.clientCredentialsGrantRequest(
            as,
            client,
            auth,
            { scope: 'user:create' },
            options,
          ),
        )
      await expect(attempt()).rejects.toBeDefined()
      published = true
      await expect(attempt()).resolves.toMatchObject({ token_type: 'bearer' })
    } finally {
      await sim.close()
      jwksServer.closeAllConnections()
      await new Promise((resolve) => jwksServer.close(resolve))
    }
  })
})
