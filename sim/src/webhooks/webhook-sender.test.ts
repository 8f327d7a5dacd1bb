import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { WebhookSender } from './webhook-sender'

const received: { type: string | undefined; body: string }[] = []
let server: Server
let url = ''
let sender: WebhookSender
let publicJwks: { keys: Record<string, unknown>[] }

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  const privateJwk = { ...(await exportJWK(privateKey)), alg: 'RS256', kid: 'k1' }
  publicJwks = { keys: [{ ...(await exportJWK(publicKey)), alg: 'RS256', kid: 'k1' }] }
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      received.push({ type: req.headers['content-type'], body })
      res.writeHead(202).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/hook`
  sender = new WebhookSender({ identityUrl: 'http://id.test', signingKeys: () => [privateJwk] })
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const event = {
  clientId: 'client-1',
  userId: 'user-1',
  eventType: 'paymentCompleted',
  payload: { paymentId: 'p1', status: 'completed' },
}

describe('WebhookSender', () => {
  it('sends nothing for a client without an endpoint', async () => {
    expect(await sender.emit({ ...event, clientId: 'nobody' })).toBeUndefined()
  })

  it('sends a Security Event Token signed with the identity key, as Moneyhub does', async () => {
    sender.register({ clientId: 'client-1', url, format: 'jwt' })
    const delivery = await sender.emit(event)
    expect(delivery?.status).toBe(202)
    expect(received.at(-1)?.type).toBe('application/jwt')
    const { payload, protectedHeader } = await jwtVerify(
      received.at(-1)?.body ?? '',
      createLocalJWKSet(publicJwks as never),
      { issuer: 'http://id.test', audience: 'client-1', algorithms: ['RS256'] },
    )
    expect(protectedHeader.kid).toBe('k1')
    expect(payload.sub).toBe('user-1')
    expect(payload.jti).toBe(delivery?.deliveryId)
    expect(payload.events).toEqual({
      'urn:com:moneyhub:events:payment-completed': { paymentId: 'p1', status: 'completed' },
    })
  })

  it('resends the same body (a replay), duplicates with a new jti, corrupts on demand', async () => {
    sender.register({ clientId: 'client-1', url, format: 'jwt' })
    const first = await sender.emit(event)
    const replay = await sender.resend(first?.id ?? '')
    expect(replay?.body).toBe(first?.body)
    const duplicate = await sender.duplicate(first?.id ?? '')
    expect(duplicate?.deliveryId).not.toBe(first?.deliveryId)
    expect(decodeJwt(duplicate?.body ?? '').jti).toBe(duplicate?.deliveryId)
    const keys = createLocalJWKSet(publicJwks)
    const verify = (token: string) =>
      jwtVerify(token, keys, { issuer: 'http://id.test', audience: 'client-1', maxTokenAge: 300 })
    for (const mode of [
      'signature',
      'wrong-key',
      'wrong-audience',
      'wrong-issuer',
      'stale',
    ] as const) {
      const spoiled = await sender.corrupt(first?.id ?? '', mode)
      await expect(verify(spoiled?.body ?? ''), mode).rejects.toThrow()
    }
    expect((await sender.corrupt(first?.id ?? '', 'malformed'))?.body).toBe('not.a.jwt')
    expect(await sender.resend('missing')).toBeUndefined()
  })

  it('sends the JSON format { id, eventType, userId, payload } when chosen', async () => {
    sender.register({ clientId: 'client-1', url, format: 'json' })
    const delivery = await sender.emit(event)
    expect(received.at(-1)?.type).toBe('application/json')
    expect(JSON.parse(received.at(-1)?.body ?? '')).toEqual({
      id: delivery?.deliveryId,
      eventType: 'paymentCompleted',
      userId: 'user-1',
      payload: { paymentId: 'p1', status: 'completed' },
    })
  })

  it('records a failed delivery without throwing (Moneyhub sends once)', async () => {
    sender.register({ clientId: 'client-1', url: 'http://127.0.0.1:9/closed', format: 'jwt' })
    const delivery = await sender.emit(event)
    expect(delivery?.status).toBeUndefined()
    expect(delivery?.error).toBeDefined()
  })
})
