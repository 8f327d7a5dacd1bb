import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  connectionListResponseSchema,
  connectionParamsSchema,
  connectionSchema,
  connectionStatus,
} from './connections'
import { ACCOUNT_ID, BANK_ID, CONNECTION_ID } from './internal/test-fixtures'

const DAY = 86_400_000
const now = new Date('2026-11-22T00:00:00.000Z')
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs)

describe('connectionStatus', () => {
  it('is expiring when consent ends exactly 7 days from now', () => {
    expect(connectionStatus({ upstreamStatus: 'ok', expiresAt: at(7 * DAY), now })).toBe('expiring')
  })

  it('is active one millisecond beyond the 7-day window', () => {
    expect(connectionStatus({ upstreamStatus: 'ok', expiresAt: at(7 * DAY + 1), now })).toBe(
      'active',
    )
  })

  it('is expired when consent ends at this very instant, and after', () => {
    expect(connectionStatus({ upstreamStatus: 'ok', expiresAt: now, now })).toBe('expired')
    expect(connectionStatus({ upstreamStatus: 'ok', expiresAt: at(-1), now })).toBe('expired')
  })

  it('is expiring one millisecond before expiry', () => {
    expect(connectionStatus({ upstreamStatus: 'ok', expiresAt: at(1), now })).toBe('expiring')
  })

  it("is expired when Moneyhub's extendedStatus says so, whatever the date", () => {
    expect(
      connectionStatus({
        upstreamStatus: 'ok',
        extendedStatus: 'expired',
        expiresAt: at(60 * DAY),
        now,
      }),
    ).toBe('expired')
  })

  it('ranks expiry above a sync error, and a sync error above expiring', () => {
    expect(connectionStatus({ upstreamStatus: 'error', expiresAt: at(-DAY), now })).toBe('expired')
    expect(connectionStatus({ upstreamStatus: 'error', expiresAt: at(DAY), now })).toBe('error')
  })

  it('is active without an expiry date, including before the first sync', () => {
    expect(connectionStatus({ upstreamStatus: 'ok', now })).toBe('active')
    expect(connectionStatus({ upstreamStatus: 'never', expiresAt: null, now })).toBe('active')
  })

  it('accepts the expiry as an ISO string', () => {
    expect(
      connectionStatus({ upstreamStatus: 'ok', expiresAt: '2026-11-25T00:00:00.000Z', now }),
    ).toBe('expiring')
  })

  it('honours a custom window', () => {
    const input = { upstreamStatus: 'ok' as const, expiresAt: at(10 * DAY), now }
    expect(connectionStatus({ ...input, expiringWithinDays: 14 })).toBe('expiring')
    expect(connectionStatus({ ...input, expiringWithinDays: 0 })).toBe('active')
  })

  it('never gets worse as the expiry moves later (property)', () => {
    const rank = { expired: 0, expiring: 1, active: 2, error: -1 } as const
    fc.assert(
      fc.property(
        fc.integer({ min: -30 * DAY, max: 30 * DAY }),
        fc.integer({ min: 0, max: 30 * DAY }),
        fc.integer({ min: 0, max: 30 }),
        (offset, later, window) => {
          const status = (ms: number) =>
            connectionStatus({
              upstreamStatus: 'ok',
              expiresAt: at(ms),
              now,
              expiringWithinDays: window,
            })
          expect(rank[status(offset + later)]).toBeGreaterThanOrEqual(rank[status(offset)])
        },
      ),
    )
  })

  it('throws TypeError on an invalid clock, expiry or window', () => {
    expect(() => connectionStatus({ upstreamStatus: 'ok', now: new Date('nope') })).toThrow(
      TypeError,
    )
    expect(() => connectionStatus({ upstreamStatus: 'ok', expiresAt: 'soon', now })).toThrow(
      TypeError,
    )
    expect(() => connectionStatus({ upstreamStatus: 'ok', now, expiringWithinDays: -1 })).toThrow(
      TypeError,
    )
  })
})

const connection = {
  id: CONNECTION_ID,
  bankId: BANK_ID,
  bankName: 'Moneyhub Open Banking Mock',
  type: 'test',
  status: 'expiring',
  connectedAt: '2024-09-27T14:29:43.687Z',
  lastSyncedAt: '2024-09-27T14:30:30.284Z',
  consentExpiresAt: '2024-12-26T14:29:30.715Z',
  reconsentAvailable: true,
  accountIds: [ACCOUNT_ID],
}

describe('connectionSchema', () => {
  it('accepts a connection, with or without an error reason', () => {
    expect(connectionSchema.parse(connection)).toEqual(connection)
    expect(
      connectionSchema.parse({ ...connection, status: 'error', error: 'mfa_required' }).error,
    ).toBe('mfa_required')
    expect(connectionListResponseSchema.parse({ data: [connection] }).data).toHaveLength(1)
  })

  it("rejects Moneyhub's status values, raw fields and bad account ids", () => {
    expect(connectionSchema.safeParse({ ...connection, status: 'ok' }).success).toBe(false)
    expect(connectionSchema.safeParse({ ...connection, tppConsent: true }).success).toBe(false)
    expect(connectionSchema.safeParse({ ...connection, error: 'boom' }).success).toBe(false)
    expect(connectionSchema.safeParse({ ...connection, accountIds: ['a/b'] }).success).toBe(false)
    expect(connectionSchema.safeParse({ ...connection, connectedAt: 'yesterday' }).success).toBe(
      false,
    )
  })
})

describe('connectionParamsSchema', () => {
  it('accepts a connection id and rejects anything else', () => {
    expect(connectionParamsSchema.parse({ id: CONNECTION_ID })).toEqual({ id: CONNECTION_ID })
    expect(connectionParamsSchema.safeParse({ id: BANK_ID }).success).toBe(false)
    expect(connectionParamsSchema.safeParse({ id: `${CONNECTION_ID}/x` }).success).toBe(false)
  })
})
