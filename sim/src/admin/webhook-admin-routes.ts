import { randomUUID } from 'node:crypto'

import { Hono } from 'hono'
import { z } from 'zod'

import type { FixtureCache } from '../fixtures/fixture-cache'
import { apiError } from '../internal/api-error'
import type { SimState } from '../state'
import {
  corruptionSchema,
  webhookEndpointSchema,
  type WebhookDelivery,
  type WebhookSender,
} from '../webhooks/webhook-sender'
import { requireAdminToken } from './admin-token'

/** What the webhook admin routes act on. */
export interface WebhookAdminDeps {
  sender: WebhookSender
  state: SimState
  fixtures: FixtureCache
  now: () => Date
  adminToken: string | undefined
}

const addTransactionSchema = z.strictObject({
  accountId: z.string().min(1).max(200),
  /** Pence; negative for money out. */
  amount: z.number().int().min(-100_000_000).max(100_000_000),
  description: z.string().min(1).max(200),
})

const remindSchema = z.strictObject({ kind: z.enum(['reauth', 'refresh']) })

const sendSchema = z.strictObject({
  userId: z.string().min(1).max(100),
  eventType: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/),
  payload: z.record(z.string(), z.unknown()),
})

/** The delivery as the admin API shows it (the body too: this is a test tool). */
function view(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    deliveryId: delivery.deliveryId,
    eventType: delivery.event.eventType,
    userId: delivery.event.userId,
    url: delivery.url,
    contentType: delivery.contentType,
    body: delivery.body,
    ...(delivery.status === undefined ? {} : { status: delivery.status }),
    ...(delivery.error === undefined ? {} : { error: delivery.error }),
    sentAt: delivery.sentAt,
  }
}

/**
 * The webhook part of the admin API under `/__sim/`: register a client's endpoint, add
 * transactions to an account (sends `newTransactions`), send consent reminders, send any event,
 * list deliveries, and resend, duplicate or corrupt one.
 *
 * @param deps - sender, state, fixtures, clock, admin token
 */
export function webhookAdminRoutes(deps: WebhookAdminDeps) {
  const app = new Hono()
  if (deps.adminToken !== undefined) app.use('*', requireAdminToken(deps.adminToken))
  const clientOf = (userId: string) => deps.state.users.get(userId)?.clientId

  app.post('/webhooks/endpoints', async (c) => {
    const parsed = webhookEndpointSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return apiError(c, 400, 'invalid_request', 'Give clientId, url, format')
    deps.sender.register(parsed.data)
    return c.body(null, 204)
  })

  app.delete('/webhooks/endpoints/:clientId', (c) => {
    deps.sender.unregister(c.req.param('clientId'))
    return c.body(null, 204)
  })

  app.get('/webhooks/deliveries', (c) => c.json({ deliveries: deps.sender.list().map(view) }))

  app.post('/webhooks/send', async (c) => {
    const parsed = sendSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success)
      return apiError(c, 400, 'invalid_request', 'Give userId, eventType, payload')
    const clientId = clientOf(parsed.data.userId)
    if (clientId === undefined) return apiError(c, 404, 'not_found', 'User not found')
    const delivery = await deps.sender.emit({ clientId, ...parsed.data })
    return c.json({ delivery: delivery === undefined ? null : view(delivery) })
  })

  app.post('/webhooks/deliveries/:id/:action', async (c) => {
    const id = c.req.param('id')
    const action = c.req.param('action')
    let delivery: WebhookDelivery | undefined
    if (action === 'resend') delivery = await deps.sender.resend(id)
    else if (action === 'duplicate') delivery = await deps.sender.duplicate(id)
    else if (action === 'corrupt') {
      const parsed = z
        .strictObject({ mode: corruptionSchema })
        .safeParse(await c.req.json().catch(() => undefined))
      if (!parsed.success) return apiError(c, 400, 'invalid_request', 'Give a corruption mode')
      delivery = await deps.sender.corrupt(id, parsed.data.mode)
    } else return apiError(c, 404, 'not_found', 'No such action')
    if (delivery === undefined) return apiError(c, 404, 'not_found', 'Delivery not found')
    return c.json({ delivery: view(delivery) })
  })

  app.post('/transactions', async (c) => {
    const parsed = addTransactionSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) {
      return apiError(c, 400, 'invalid_request', 'Give accountId, amount, description')
    }
    const { accountId, amount, description } = parsed.data
    for (const connection of deps.state.connections.values()) {
      const fixtures = deps.fixtures.for(connection)
      const account = fixtures.accounts.find((a) => a.id === accountId)
      if (account === undefined) continue
      const at = deps.now().toISOString()
      const id = `tx-added-${randomUUID()}`
      fixtures.transactions.push({
        id,
        accountId,
        amount: { value: amount, currency: 'GBP' },
        categoryId: 'std:00000000-0000-4000-8000-000000000000',
        categoryIdConfirmed: false,
        date: at,
        dateModified: at,
        longDescription: description,
        shortDescription: description,
        notes: '',
        status: 'pending',
        proprietaryTransactionCode: { code: 'SIM' },
      })
      const clientId = clientOf(connection.userId)
      const delivery =
        clientId === undefined
          ? undefined
          : await deps.sender.emit({
              clientId,
              userId: connection.userId,
              eventType: 'newTransactions',
              payload: { accounts: [{ id: accountId, transactions: [id] }] },
            })
      return c.json({ transactionId: id, delivery: delivery === undefined ? null : view(delivery) })
    }
    return apiError(c, 404, 'not_found', 'Account not found')
  })

  app.post('/connections/:connectionId/remind', async (c) => {
    const parsed = remindSchema.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return apiError(c, 400, 'invalid_request', 'Give kind reauth or refresh')
    const connection = deps.state.connections.get(c.req.param('connectionId'))
    if (!connection) return apiError(c, 404, 'not_found', 'Connection not found')
    const clientId = clientOf(connection.userId)
    const days = Math.max(
      0,
      Math.floor((deps.now().getTime() - Date.parse(connection.lastUpdated)) / 86_400_000),
    )
    const delivery =
      clientId === undefined
        ? undefined
        : await deps.sender.emit({
            clientId,
            userId: connection.userId,
            eventType: parsed.data.kind === 'reauth' ? 'reauthReminder' : 'refreshReminder',
            payload: {
              connectionId: connection.id,
              bankName: connection.name,
              ...(parsed.data.kind === 'refresh'
                ? { periodSinceLastUpdateInDays: days }
                : { expiresAt: connection.expiresAt }),
            },
          })
    return c.json({ delivery: delivery === undefined ? null : view(delivery) })
  })

  return app
}
