import { describe, expect, it } from 'vitest'

import { mapWebhook } from './map-webhook'
import { webhookFromJson, webhooksFromToken } from './moneyhub-webhook'

const CONNECTION = '1ffe704d39629a929c8e293880fb449a:7d235ab0-e951-487f-acde-73cae1a18be0'
const hook = (eventType: string, payload: unknown) => ({
  deliveryId: 'd-1',
  eventType,
  userId: '5f75a9f947f9bd74d921a6c9',
  payload,
})

describe('mapWebhook', () => {
  it('maps transaction webhooks to account ids only, never transaction ids', () => {
    const mapped = mapWebhook(
      hook('newTransactions', {
        accounts: [
          { id: 'acc-1', transactions: ['tx-1', 'tx-2'] },
          { id: 'acc-1', transactions: ['tx-3'] },
        ],
      }),
    )
    expect(mapped).toEqual({
      event: { type: 'transactions.changed', change: 'new', accountIds: ['acc-1'] },
    })
    expect(JSON.stringify(mapped)).not.toContain('tx-1')
  })

  it('maps payments with final set for completed and error only', () => {
    expect(mapWebhook(hook('paymentPending', { paymentId: 'p-1', status: 'pending' }))).toEqual({
      event: { type: 'payment.status', paymentId: 'p-1', status: 'pending', final: false },
    })
    expect(mapWebhook(hook('paymentError', { paymentId: 'p-1' }))).toEqual({
      event: { type: 'payment.status', paymentId: 'p-1', status: 'error', final: true },
    })
  })

  it('maps reminders and syncs with the connection, dropping the other fields', () => {
    expect(
      mapWebhook(
        hook('refreshReminder', {
          connectionId: CONNECTION,
          bankName: 'Test Bank',
          periodSinceLastUpdateInDays: 27,
        }),
      ),
    ).toEqual({
      event: {
        type: 'connection.reminder',
        reason: 'refresh',
        connectionId: CONNECTION,
        bankName: 'Test Bank',
      },
    })
    expect(mapWebhook(hook('syncCompleted', undefined))).toEqual({
      event: { type: 'connection.synced' },
    })
  })

  it('ignores events the browser has no use for, and calls an unfit payload malformed', () => {
    expect(mapWebhook(hook('affordabilityReportSuccess', { x: 1 }))).toEqual({ ignored: true })
    expect(mapWebhook(hook('newTransactions', { accounts: 'all' }))).toEqual({ malformed: true })
    expect(mapWebhook(hook('paymentCompleted', {}))).toEqual({ malformed: true })
    expect(mapWebhook(hook('reauthReminder', { connectionId: 'not-a-connection' }))).toEqual({
      malformed: true,
    })
    expect(mapWebhook(hook('deletedAccount', { accountId: '../x' }))).toEqual({ malformed: true })
  })
})

describe('Moneyhub webhook shapes', () => {
  it('reads each event of a token by its URN, dropping other namespaces', () => {
    const webhooks = webhooksFromToken({
      iss: 'https://identity.moneyhub.co.uk',
      aud: 'client',
      jti: 'c9d133e0-e708-402d-a6b7-dc8ff9c29a1c',
      iat: 1,
      sub: '5f75a9f947f9bd74d921a6c9',
      events: {
        'urn:com:moneyhub:events:payment-completed': { paymentId: 'p' },
        'urn:example:other': {},
      },
    })
    expect(webhooks).toEqual([
      {
        deliveryId: 'c9d133e0-e708-402d-a6b7-dc8ff9c29a1c',
        eventType: 'paymentCompleted',
        userId: '5f75a9f947f9bd74d921a6c9',
        payload: { paymentId: 'p' },
      },
    ])
  })

  it('refuses a token or a JSON body with malformed ids', () => {
    const claims = { iss: 'i', aud: 'a', jti: 'j', iat: 1, sub: '../../x', events: {} }
    expect(webhooksFromToken(claims)).toBeUndefined()
    expect(webhookFromJson({ id: 'x', eventType: 'new-tx', userId: 'u', payload: {} })).toBe(
      undefined,
    )
    expect(webhookFromJson({ id: 'x', eventType: 'newTransactions', payload: {} })).toBe(undefined)
    expect(webhookFromJson('{}')).toBeUndefined()
  })
})
