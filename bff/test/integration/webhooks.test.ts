/**
 * Moneyhub webhooks into the BFF and out to the browser's live stream, against the real
 * simulator sending real signed deliveries (docs/webhooks.md).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { accountIdsOf, connectAndApprove, storedSession } from '../support/bff-flows'
import { approveFlow, PAYMENT } from '../support/payment-flows'
import { readEventStream, serveOnLoopback, untilReady } from '../support/event-stream'
import { cookieHeader } from '../support/lifecycle'
import { bffOverSim, CLIENT_ID, simWorldPerFile, type BffUnderTest } from '../support/sim-harness'

const world = simWorldPerFile()
let bff: BffUnderTest
let server: { url: string; close(): Promise<void> }

async function openStream(target: BffUnderTest, headers: Record<string, string> = {}) {
  const res = await target.app.request('/api/events', {
    headers: { 'X-CSRF': '1', Cookie: cookieHeader(target.browser), ...headers },
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const stream = readEventStream(res)
  await untilReady(stream)
  return stream
}

beforeAll(async () => {
  bff = bffOverSim(world)
  server = await serveOnLoopback((request) => bff.app.fetch(request))
  await world.sim.admin.registerWebhookEndpoint({
    clientId: CLIENT_ID,
    url: `${server.url}/webhooks/moneyhub`,
    format: 'jwt',
  })
  await connectAndApprove(bff.browser)
})

afterAll(async () => {
  await server.close()
})

beforeEach(() => {
  bff.logs.lines.length = 0
  bff.logs.raw.length = 0
})

describe('POST /webhooks/moneyhub (JWT) and GET /api/events', () => {
  it('streams a transaction the bank added to the signed-in browser within the request', async () => {
    const stream = await openStream(bff)
    const [accountId] = await accountIdsOf(bff.browser)
    const added = await world.sim.admin.addTransaction({
      accountId: accountId ?? '',
      amount: -1234,
      description: 'Corner shop',
    })
    expect(added.delivery?.status).toBe(202)
    const frame = await stream.next()
    expect(frame?.event).toEqual({
      type: 'transactions.changed',
      change: 'new',
      accountIds: [accountId],
    })
    // Only the vocabulary travels: no transaction id, user id or token.
    expect(stream.text).not.toContain(added.transactionId)
    const sub = (await storedSession(bff.browser, bff.store)).sub ?? ''
    expect(sub).not.toBe('')
    expect(stream.text).not.toContain(sub)
    expect(stream.text).not.toContain(added.delivery?.body.split('.')[2] ?? 'x')
    // Log canary: no part of the delivery (claims or signature) reaches a log line.
    for (const part of added.delivery?.body.split('.') ?? []) {
      expect(bff.logs.raw.join('\n')).not.toContain(part)
    }
    expect(bff.logs.raw.join('\n')).not.toContain(added.transactionId)
    await stream.close()
  })

  it('acknowledges a replayed jti with 200 but does not act on it twice', async () => {
    const stream = await openStream(bff)
    const [accountId] = await accountIdsOf(bff.browser)
    const first = await world.sim.admin.addTransaction({
      accountId: accountId ?? '',
      amount: 500,
      description: 'Refund',
    })
    expect((await stream.next())?.event.type).toBe('transactions.changed')
    const replay = await world.sim.admin.resendWebhook(first.delivery?.id ?? '')
    expect(replay.deliveryId).toBe(first.delivery?.deliveryId)
    expect(replay.status).toBe(200)
    expect(await stream.next(500)).toBeUndefined()
    expect(bff.logs.raw.some((l) => l.includes('"reason":"webhook_replay"'))).toBe(true)
    // A duplicate (a new jti for the same event) is a new delivery and is applied.
    const duplicate = await world.sim.admin.duplicateWebhook(first.delivery?.id ?? '')
    expect(duplicate.status).toBe(202)
    expect((await stream.next())?.event.type).toBe('transactions.changed')
    await stream.close()
  })

  it.each(['signature', 'wrong-key', 'wrong-audience', 'wrong-issuer', 'stale'] as const)(
    'refuses a token with %s as webhook_invalid_signature, logs it, and streams nothing',
    async (mode) => {
      const stream = await openStream(bff)
      const [accountId] = await accountIdsOf(bff.browser)
      const good = await world.sim.admin.addTransaction({
        accountId: accountId ?? '',
        amount: 1,
        description: 'Probe',
      })
      expect((await stream.next())?.event.type).toBe('transactions.changed')
      const forged = await world.sim.admin.corruptWebhook(good.delivery?.id ?? '', mode)
      expect(forged.status).toBe(401)
      expect(await stream.next(500)).toBeUndefined()
      const line = bff.logs.raw.find((l) => l.includes('"reason":"webhook_refused"'))
      expect(line).toContain('"code":"webhook_invalid_signature"')
      // The token never reaches a log line.
      const [header = 'x', payload = 'x'] = forged.body.split('.')
      expect(bff.logs.raw.join('\n')).not.toContain(payload)
      expect(bff.logs.raw.join('\n')).not.toContain(header)
      await stream.close()
    },
  )

  it('refuses a malformed body with 401 and unsigned JSON with 415 when JSON is not enabled', async () => {
    const post = (body: string, type: string) =>
      bff.app.request('/webhooks/moneyhub', {
        method: 'POST',
        headers: { 'Content-Type': type },
        body,
      })
    const bad = await post('not.a.jwt', 'application/jwt')
    expect(bad.status).toBe(401)
    const json = await post(
      JSON.stringify({ id: 'x', eventType: 'newTransactions', userId: 'u', payload: {} }),
      'application/json',
    )
    expect(json.status).toBe(415)
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe(
      'webhook_unsupported_media_type',
    )
    expect((await post('x', 'text/plain')).status).toBe(415)
  })

  it('refuses a webhook about a Moneyhub user who never signed in through this BFF as webhook_unknown_user', async () => {
    // Signed in through another BFF (its own store): a stranger to this one.
    const stranger = bffOverSim(world)
    await connectAndApprove(stranger.browser)
    const sub = (await storedSession(stranger.browser, stranger.store)).sub ?? ''
    const delivery = await world.sim.admin.sendWebhook({
      userId: sub,
      eventType: 'syncCompleted',
      payload: {},
    })
    expect(delivery?.status).toBe(404)
    expect(bff.logs.raw.some((l) => l.includes('"code":"webhook_unknown_user"'))).toBe(true)
  })

  it('accepts a webhook about a user who signed in here, before any live stream was opened', async () => {
    const member = bffOverSim(world, { store: bff.store })
    await connectAndApprove(member.browser)
    const sub = (await storedSession(member.browser, bff.store)).sub ?? ''
    const delivery = await world.sim.admin.sendWebhook({
      userId: sub,
      eventType: 'syncCompleted',
      payload: {},
    })
    expect(delivery?.status).toBe(202)
  })

  it('resumes after Last-Event-ID from the backlog, and maps reminders and syncs', async () => {
    const stream = await openStream(bff)
    const sub = (await storedSession(bff.browser, bff.store)).sub ?? ''
    const sync = await world.sim.admin.sendWebhook({
      userId: sub,
      eventType: 'syncCompleted',
      payload: {},
    })
    expect(sync?.status).toBe(202)
    const first = await stream.next()
    expect(first?.event).toEqual({ type: 'connection.synced' })
    await stream.close()
    await world.sim.admin.sendWebhook({
      userId: sub,
      eventType: 'refreshReminder',
      payload: {
        connectionId: '1ffe704d39629a929c8e293880fb449a:7d235ab0-e951-487f-acde-73cae1a18be0',
        bankName: 'Test Bank',
        periodSinceLastUpdateInDays: 3,
      },
    })
    const resumed = await openStream(bff, { 'Last-Event-ID': first?.id ?? '' })
    expect((await resumed.next())?.event).toEqual({
      type: 'connection.reminder',
      reason: 'refresh',
      connectionId: '1ffe704d39629a929c8e293880fb449a:7d235ab0-e951-487f-acde-73cae1a18be0',
      bankName: 'Test Bank',
    })
    await resumed.close()
  })

  it('asks for the CSRF header and a session like every /api route', async () => {
    const noCsrf = await bff.app.request('/api/events', {
      headers: { Cookie: cookieHeader(bff.browser) },
    })
    expect(noCsrf.status).toBe(403)
    const noSession = await bff.app.request('/api/events', { headers: { 'X-CSRF': '1' } })
    expect(noSession.status).toBe(401)
  })
})

describe('POST /webhooks/moneyhub (JSON, opted in)', () => {
  const SECRET = 'a'.repeat(40)

  it('accepts JSON only with the secret in the path, and refuses a wrong one', async () => {
    const jsonBff = bffOverSim(world, {
      store: bff.store,
      config: { webhooks: { format: 'json', secret: SECRET } },
    })
    const sub = (await storedSession(bff.browser, bff.store)).sub ?? ''
    const body = (id: string) =>
      JSON.stringify({
        id,
        eventType: 'paymentCompleted',
        userId: sub,
        payload: { paymentId: 'pay-1', status: 'completed' },
      })
    const post = (path: string, id: string) =>
      jsonBff.app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body(id),
      })
    expect((await post('/webhooks/moneyhub', 'd1')).status).toBe(401)
    expect((await post(`/webhooks/moneyhub/${'b'.repeat(40)}`, 'd2')).status).toBe(401)
    expect((await post(`/webhooks/moneyhub/${SECRET}`, 'd3')).status).toBe(202)
    expect((await post(`/webhooks/moneyhub/${SECRET}`, 'd3')).status).toBe(200)
    expect(jsonBff.logs.raw.join('\n')).not.toContain('pay-1')
  })
})

describe('payment webhooks', () => {
  it("pushes a payment's settlement to the session that started it, as a final status", async () => {
    const payer = bffOverSim(world, { store: bff.store })
    const server2 = await serveOnLoopback((request) => payer.app.fetch(request))
    try {
      await world.sim.admin.registerWebhookEndpoint({
        clientId: CLIENT_ID,
        url: `${server2.url}/webhooks/moneyhub`,
      })
      await world.sim.admin.bankOutcome({ outcome: 'completed', settleAfterSeconds: 600, times: 1 })
      const { flow } = await approveFlow(payer.browser, '/api/payments', PAYMENT)
      expect(flow.status).toBe('succeeded')
      const paymentId = flow.result?.paymentId ?? ''
      const stream = await openStream(payer)
      await world.sim.admin.advanceClock(600)
      let frame = await stream.next(5_000)
      // A pending notice may come first when it raced the callback's ledger entry.
      if (frame?.event.type === 'payment.status' && frame.event.status === 'pending') {
        frame = await stream.next(5_000)
      }
      expect(frame?.event).toEqual({
        type: 'payment.status',
        paymentId,
        status: 'completed',
        final: true,
      })
      await stream.close()
    } finally {
      await world.sim.admin.registerWebhookEndpoint({
        clientId: CLIENT_ID,
        url: `${server.url}/webhooks/moneyhub`,
      })
      await world.sim.admin.clearBankOutcomes()
      await server2.close()
    }
  })
})
