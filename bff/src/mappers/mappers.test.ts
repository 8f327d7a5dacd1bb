import { describe, expect, it } from 'vitest'

import { AppError } from '../errors'
import { mhBankSchema } from '../moneyhub/schemas'
import { toAccount } from './account'
import { toBank } from './bank'
import { toConnection } from './connection'
import { toTransaction } from './transaction'

const CONNECTION = '1ffe704d39629a929c8e293880fb449a:0f1aa7c1-6379-483a-bfd8-ae0a208fb635'

describe('toAccount', () => {
  it('keeps minor units and masks the account number to its last four digits', () => {
    const account = toAccount(
      {
        id: 'acc-1',
        accountName: 'Current',
        currency: 'GBP',
        type: 'cash:current',
        accountType: 'personal',
        balance: { date: '2024-05-01T12:00:00Z', amount: { value: -1234, currency: 'GBP' } },
        providerName: 'Mock Bank',
        connectionId: CONNECTION,
        details: { sortCode: '12-34-56', accountNumber: '12345678' },
      },
      '2024-05-02',
    )
    expect(account).toMatchObject({
      balance: { amount: { value: -1234, currency: 'GBP' }, date: '2024-05-01' },
      details: { sortCode: '123456', accountNumberLast4: '5678' },
    })
    expect(JSON.stringify(account)).not.toContain('12345678')
  })

  it('answers invalid_upstream_response for an account it cannot express', () => {
    expect(() => toAccount({ id: '../x', connectionId: CONNECTION }, '2024-05-02')).toThrow(
      AppError,
    )
  })
})

describe('toTransaction', () => {
  it('maps date, description, category and status', () => {
    expect(
      toTransaction({
        id: 't-1',
        accountId: 'acc-1',
        amount: { value: -500 },
        date: '2024-05-01T12:00:00Z',
        longDescription: 'COFFEE',
        categoryId: 'std:4b0255f0-0309-4509-9e05-4b4e386f9b0d',
        status: 'pending',
      }),
    ).toEqual({
      id: 't-1',
      accountId: 'acc-1',
      amount: { value: -500, currency: 'GBP' },
      date: '2024-05-01',
      description: 'COFFEE',
      category: { id: 'std:4b0255f0-0309-4509-9e05-4b4e386f9b0d' },
      status: 'pending',
    })
  })
})

describe('toConnection', () => {
  const now = new Date('2024-05-01T00:00:00Z')
  it('derives expiring when consent ends within 7 days', () => {
    const c = toConnection(
      {
        id: CONNECTION,
        name: 'Mock',
        type: 'test',
        connectedOn: '2024-01-01T00:00:00Z',
        expiresAt: '2024-05-05T00:00:00Z',
        status: 'ok',
        accountIds: ['a'],
      },
      now,
    )
    expect(c).toMatchObject({
      status: 'expiring',
      bankId: '1ffe704d39629a929c8e293880fb449a',
      consentExpiresAt: '2024-05-05T00:00:00.000Z',
    })
  })

  it('derives expired from extendedStatus and error from a failed sync', () => {
    expect(
      toConnection({ id: CONNECTION, extendedStatus: 'expired', status: 'ok' }, now).status,
    ).toBe('expired')
    expect(
      toConnection({ id: CONNECTION, status: 'error', error: 'mfa_required' }, now),
    ).toMatchObject({
      status: 'error',
      error: 'mfa_required',
    })
  })
})

describe('toBank', () => {
  const entry = {
    id: '1ffe704d39629a929c8e293880fb449a',
    name: 'Moneyhub Open Banking Mock',
    type: 'test',
    payments: ['domestic'],
    status: { sync: 'AVAILABLE', auth: 'AVAILABLE' },
  }

  it('carries the bank’s history limit in months or in days', () => {
    expect(toBank(mhBankSchema.parse({ ...entry, monthsInitialConsent: 24 }))).toMatchObject({
      monthsInitialConsent: 24,
    })
    const days = toBank(mhBankSchema.parse({ ...entry, daysInitialConsent: 90 }))
    expect(days).toMatchObject({ daysInitialConsent: 90 })
    expect(days).not.toHaveProperty('monthsInitialConsent')
  })

  it('drops an odd history limit but keeps the bank', () => {
    const bank = toBank(
      mhBankSchema.parse({ ...entry, monthsInitialConsent: '24', daysInitialConsent: -1 }),
    )
    expect(bank?.id).toBe(entry.id)
    expect(bank).not.toHaveProperty('monthsInitialConsent')
    expect(bank).not.toHaveProperty('daysInitialConsent')
  })
})
