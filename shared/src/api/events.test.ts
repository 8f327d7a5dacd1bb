import { describe, expect, it } from 'vitest'

import {
  formatLiveEventFrame,
  liveEventFrameSchema,
  liveEventIdSchema,
  liveEventSchema,
  parseLiveEventFrame,
  type LiveEventFrame,
} from './events'

const CONNECTION = '1ffe704d39629a929c8e293880fb449a:7d235ab0-e951-487f-acde-73cae1a18be0'

const frame: LiveEventFrame = {
  id: '1765015524000-a1b2c3',
  at: '2026-12-06T10:05:24.000Z',
  event: { type: 'transactions.changed', change: 'new', accountIds: ['acc-1'] },
}

describe('live events', () => {
  it('accepts each event type the BFF sends', () => {
    const events = [
      { type: 'transactions.changed', change: 'deleted', accountIds: [] },
      { type: 'account.deleted', accountId: 'acc-1' },
      { type: 'connection.synced', connectionId: CONNECTION },
      { type: 'connection.synced' },
      { type: 'connection.reminder', reason: 'reauth', connectionId: CONNECTION, bankName: 'Bank' },
      { type: 'payment.status', paymentId: 'pay-1', status: 'completed', final: true },
    ]
    for (const event of events) expect(liveEventSchema.parse(event)).toEqual(event)
  })

  it('refuses an unknown type, an extra field (a raw body or a token) and a bad id', () => {
    expect(liveEventSchema.safeParse({ type: 'balance.threshold' }).success).toBe(false)
    expect(
      liveEventSchema.safeParse({ type: 'account.deleted', accountId: 'a', userId: 'u' }).success,
    ).toBe(false)
    expect(
      liveEventSchema.safeParse({
        type: 'payment.status',
        paymentId: 'p',
        status: 'completed',
        final: true,
        payload: { token: 'x' },
      }).success,
    ).toBe(false)
    expect(
      liveEventSchema.safeParse({ type: 'connection.synced', connectionId: 'not-a-connection' })
        .success,
    ).toBe(false)
    expect(
      liveEventSchema.safeParse({
        type: 'transactions.changed',
        change: 'new',
        accountIds: Array.from({ length: 51 }, (_, i) => `a${i}`),
      }).success,
    ).toBe(false)
  })

  it('event ids sort by time as strings and refuse anything else', () => {
    expect(liveEventIdSchema.safeParse('1765015524000-x').success).toBe(true)
    expect(liveEventIdSchema.safeParse('176501552400-x').success).toBe(false)
    expect(liveEventIdSchema.safeParse('1765015524000-x\nid: 2').success).toBe(false)
    expect('1765015524000-zz' < '1765015524001-aa').toBe(true)
  })

  it('formats a frame as one SSE event that parses back', () => {
    const text = formatLiveEventFrame(frame)
    expect(text.startsWith('id: 1765015524000-a1b2c3\nevent: mhkit\ndata: {')).toBe(true)
    expect(text.endsWith('\n\n')).toBe(true)
    expect(text.split('\n')).toHaveLength(5)
    const data = text.split('\n')[2]?.slice('data: '.length) ?? ''
    expect(parseLiveEventFrame(data)).toEqual(frame)
  })

  it('parses nothing from invalid JSON or an unknown event', () => {
    expect(parseLiveEventFrame('{')).toBeUndefined()
    expect(
      parseLiveEventFrame(JSON.stringify({ ...frame, event: { type: 'future.thing' } })),
    ).toBeUndefined()
    expect(liveEventFrameSchema.safeParse({ ...frame, at: 'yesterday' }).success).toBe(false)
  })
})
