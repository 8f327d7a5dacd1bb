/**
 * Several BFF instances over one Redis: a webhook received by one instance reaches the live
 * stream another instance holds (Redis pub/sub), and resumes from the backlog in Redis.
 */
import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRedisEventBus } from '../../src/events/redis-event-bus'
import { createRedisStore } from '../../src/session/redis-store'
import { accountIdsOf, connectAndApprove } from '../support/bff-flows'
import { readEventStream, serveOnLoopback, untilReady } from '../support/event-stream'
import { cookieHeader } from '../support/lifecycle'
import { hasRedisServer, startRedis, type TestRedis } from '../support/redis-server'
import { bffOverSim, CLIENT_ID, simWorldPerFile, type BffUnderTest } from '../support/sim-harness'

const redisAvailable = hasRedisServer()
const world = simWorldPerFile()
let redis: TestRedis | undefined
const closers: (() => Promise<void>)[] = []

beforeAll(async () => {
  if (redisAvailable) redis = await startRedis()
})

afterAll(async () => {
  for (const close of closers.reverse()) await close()
  await redis?.stop()
})

function instance(url: string, key: Buffer, prefix: string): BffUnderTest {
  const store = createRedisStore({ url, prefix })
  const events = createRedisEventBus({ url, prefix: `${prefix}events:` })
  closers.push(
    () => events.close(),
    () => store.close(),
  )
  return bffOverSim(world, { store, key, events })
}

describe.skipIf(!redisAvailable)('live events across two instances on one Redis', () => {
  it('the webhook hits instance A, the stream held by instance B receives the event', async () => {
    const url = redis?.url ?? ''
    const key = randomBytes(32)
    const prefix = `wh-${randomBytes(4).toString('hex')}:`
    const a = instance(url, key, prefix)
    const b = instance(url, key, prefix)
    const server = await serveOnLoopback((request) => a.app.fetch(request))
    closers.push(() => server.close())
    await world.sim.admin.registerWebhookEndpoint({
      clientId: CLIENT_ID,
      url: `${server.url}/webhooks/moneyhub`,
    })

    await connectAndApprove(b.browser)
    const open = async (headers: Record<string, string> = {}) => {
      const res = await b.app.request('/api/events', {
        headers: { 'X-CSRF': '1', Cookie: cookieHeader(b.browser), ...headers },
      })
      expect(res.status).toBe(200)
      const stream = readEventStream(res)
      await untilReady(stream)
      return stream
    }
    const stream = await open()
    const [accountId = ''] = await accountIdsOf(b.browser)
    const added = await world.sim.admin.addTransaction({ accountId, amount: 99, description: 'X' })
    expect(added.delivery?.status).toBe(202)
    const frame = await stream.next(5_000)
    expect(frame?.event).toEqual({
      type: 'transactions.changed',
      change: 'new',
      accountIds: [accountId],
    })
    await stream.close()

    // Instance A kept the replay mark in Redis: the same jti at B is acknowledged, not applied.
    const replay = await b.app.request('/webhooks/moneyhub', {
      method: 'POST',
      headers: { 'Content-Type': 'application/jwt' },
      body: added.delivery?.body ?? '',
    })
    expect(replay.status).toBe(200)

    // The backlog lives in Redis: a stream on B resumes what A published while it was closed.
    const second = await world.sim.admin.addTransaction({ accountId, amount: 1, description: 'Y' })
    expect(second.delivery?.status).toBe(202)
    const resumed = await open({ 'Last-Event-ID': frame?.id ?? '' })
    expect((await resumed.next(5_000))?.event.type).toBe('transactions.changed')
    await resumed.close()
  })
})
