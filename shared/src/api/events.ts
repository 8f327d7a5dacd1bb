import { z } from 'zod'

import {
  accountIdSchema,
  connectionIdSchema,
  displayNameSchema,
  isoDateTimeSchema,
  paymentIdSchema,
} from './common'

/**
 * The live events the browser may see on `GET /api/events` (Server-Sent Events). The BFF maps
 * each verified Moneyhub webhook onto one of these; they carry only what a page needs to know
 * which data went stale (an event type and ids), never a token, a user id or a raw webhook
 * body. See docs/webhooks.md for the mapping from Moneyhub's event ids.
 */

/** At most this many account ids travel in one `transactions.changed` event. */
export const LIVE_EVENT_ACCOUNTS_MAX = 50

/** Which Moneyhub transaction webhook a `transactions.changed` event stands for. */
export const transactionChangeSchema = z.enum(['new', 'updated', 'deleted', 'restored'])
/** Which Moneyhub transaction webhook a `transactions.changed` event stands for. */
export type TransactionChange = z.infer<typeof transactionChangeSchema>

/** The payment statuses Moneyhub's payment webhooks report. */
export const livePaymentStatusSchema = z.enum(['completed', 'pending', 'error'])
/** The payment statuses Moneyhub's payment webhooks report. */
export type LivePaymentStatus = z.infer<typeof livePaymentStatusSchema>

/** New, updated, deleted or restored transactions on some of the user's accounts. */
export const transactionsChangedEventSchema = z.strictObject({
  type: z.literal('transactions.changed'),
  change: transactionChangeSchema,
  accountIds: z.array(accountIdSchema).max(LIVE_EVENT_ACCOUNTS_MAX),
})

/** An account the bank no longer reports was removed. */
export const accountDeletedEventSchema = z.strictObject({
  type: z.literal('account.deleted'),
  accountId: accountIdSchema,
})

/** A connection finished syncing (or its enrichment finished): its data may have changed. */
export const connectionSyncedEventSchema = z.strictObject({
  type: z.literal('connection.synced'),
  connectionId: connectionIdSchema.optional(),
})

/**
 * A connection needs the user: `reauth` (its consent is about to lapse or has) or `refresh` (it
 * has not synced for days). The page should offer to renew the consent.
 */
export const connectionReminderEventSchema = z.strictObject({
  type: z.literal('connection.reminder'),
  reason: z.enum(['reauth', 'refresh']),
  connectionId: connectionIdSchema,
  bankName: displayNameSchema.optional(),
})

/**
 * A payment's status changed. `final` is true for `completed` and `error`: the payment will not
 * change again, so a page polling for its status may stop.
 */
export const paymentStatusEventSchema = z.strictObject({
  type: z.literal('payment.status'),
  paymentId: paymentIdSchema,
  status: livePaymentStatusSchema,
  final: z.boolean(),
})

/** One live event, discriminated by `type`. */
export const liveEventSchema = z.discriminatedUnion('type', [
  transactionsChangedEventSchema,
  accountDeletedEventSchema,
  connectionSyncedEventSchema,
  connectionReminderEventSchema,
  paymentStatusEventSchema,
])
/** One live event, discriminated by `type`. */
export type LiveEvent = z.infer<typeof liveEventSchema>
/** The `type` of a live event. */
export type LiveEventType = LiveEvent['type']

/**
 * The id of a delivered event: 13 digits of milliseconds since the epoch, a dash and a random
 * suffix, so ids sort by time as strings. The browser echoes the last one it saw in
 * `Last-Event-ID` to resume after a reconnect.
 */
export const liveEventIdSchema = z
  .string()
  .regex(/^[0-9]{13}-[A-Za-z0-9_-]{1,32}$/, 'event id must be <13-digit ms>-<suffix>')
/** The id of a delivered event. */
export type LiveEventId = z.infer<typeof liveEventIdSchema>

/** The `data` of one SSE frame: the event with its id and the time the BFF received it. */
export const liveEventFrameSchema = z.strictObject({
  id: liveEventIdSchema,
  at: isoDateTimeSchema,
  event: liveEventSchema,
})
/** The `data` of one SSE frame. */
export type LiveEventFrame = z.infer<typeof liveEventFrameSchema>

/**
 * SSE wire conventions of `GET /api/events`: each event is a frame
 * `id: <id>\nevent: <LIVE_EVENT_SSE_NAME>\ndata: <LiveEventFrame JSON>\n\n`; a heartbeat is the
 * comment line `: heartbeat\n\n` every `LIVE_EVENT_HEARTBEAT_MS`; the stream opens with
 * `retry: <LIVE_EVENT_RETRY_MS>` and an `event: ready` frame.
 */
export const LIVE_EVENT_SSE_NAME = 'mhkit'
/** The frame that says the stream is open (after any resumed backlog). */
export const LIVE_EVENT_READY_NAME = 'ready'
/** Interval of heartbeat comments on an open stream. */
export const LIVE_EVENT_HEARTBEAT_MS = 15_000
/** The reconnect delay the stream suggests to clients. */
export const LIVE_EVENT_RETRY_MS = 2_000

/**
 * Reads the `data` of an SSE frame named {@link LIVE_EVENT_SSE_NAME}; undefined when it is not
 * valid JSON or not a known event (a newer BFF may send types this kit does not know).
 *
 * @param data - the frame's `data` field
 */
export function parseLiveEventFrame(data: string): LiveEventFrame | undefined {
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return undefined
  }
  const parsed = liveEventFrameSchema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

/**
 * Formats one event as an SSE frame (the BFF's writer; the kit's reader is the inverse).
 *
 * @param frame - a valid frame
 */
export function formatLiveEventFrame(frame: LiveEventFrame): string {
  // JSON.stringify never emits a raw newline, so the data stays on one `data:` line.
  return `id: ${frame.id}\nevent: ${LIVE_EVENT_SSE_NAME}\ndata: ${JSON.stringify(frame)}\n\n`
}
