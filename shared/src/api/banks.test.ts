import { describe, expect, it } from 'vitest'
import { bankListQuerySchema, bankListResponseSchema, bankSchema } from './banks'
import { BANK_ID } from './internal/test-fixtures'

const bank = {
  id: BANK_ID,
  name: 'Moneyhub Open Banking Mock',
  type: 'test',
  iconUrl: 'https://identity.moneyhub.co.uk/bank-icons/moneyhub-mock',
  status: 'available',
  payments: true,
}

describe('bankSchema', () => {
  it('accepts a bank with an https or same-origin icon, or none', () => {
    expect(bankSchema.parse(bank)).toEqual(bank)
    expect(bankSchema.parse({ ...bank, iconUrl: '/api/bank-icons/moneyhub-mock' }).iconUrl).toBe(
      '/api/bank-icons/moneyhub-mock',
    )
    const { iconUrl: _icon, ...noIcon } = bank
    expect(bankSchema.parse(noIcon)).toEqual(noIcon)
  })

  it('rejects icon URLs that are scripts, data, http or protocol-relative', () => {
    for (const iconUrl of [
      'javascript:alert(1)',
      'data:image/svg+xml,<svg/>',
      'http://identity.moneyhub.co.uk/x.svg',
      '//evil.com/x.svg',
      'https://a@evil.com/x.svg',
    ]) {
      expect(bankSchema.safeParse({ ...bank, iconUrl }).success, iconUrl).toBe(false)
    }
  })

  it("rejects Moneyhub's raw fields, an unknown status and an over-long name", () => {
    expect(bankSchema.safeParse({ ...bank, bankRef: 'moneyhub-mock' }).success).toBe(false)
    expect(bankSchema.safeParse({ ...bank, status: 'AVAILABLE' }).success).toBe(false)
    expect(bankSchema.safeParse({ ...bank, name: 'x'.repeat(201) }).success).toBe(false)
    expect(bankSchema.safeParse({ ...bank, id: 'moneyhub-mock' }).success).toBe(false)
  })

  it('carries the bank’s history limit in months or days, as whole non-negative numbers', () => {
    expect(bankSchema.parse({ ...bank, monthsInitialConsent: 24 }).monthsInitialConsent).toBe(24)
    expect(bankSchema.parse({ ...bank, daysInitialConsent: 90 }).daysInitialConsent).toBe(90)
    for (const limit of [-1, 1.5, '24']) {
      expect(bankSchema.safeParse({ ...bank, monthsInitialConsent: limit }).success).toBe(false)
      expect(bankSchema.safeParse({ ...bank, daysInitialConsent: limit }).success).toBe(false)
    }
  })
})

describe('bankListQuerySchema', () => {
  it('defaults kind to ais and trims the search text', () => {
    expect(bankListQuerySchema.parse({})).toEqual({ kind: 'ais' })
    expect(bankListQuerySchema.parse({ kind: 'payments', q: '  mock ' })).toEqual({
      kind: 'payments',
      q: 'mock',
    })
  })

  it('rejects unknown parameters, kinds, repeated values and over-long searches', () => {
    expect(bankListQuerySchema.safeParse({ clientId: 'x' }).success).toBe(false)
    expect(bankListQuerySchema.safeParse({ kind: 'legacy' }).success).toBe(false)
    expect(bankListQuerySchema.safeParse({ q: ['a', 'b'] }).success).toBe(false)
    expect(bankListQuerySchema.safeParse({ q: 'x'.repeat(101) }).success).toBe(false)
  })
})

describe('bankListResponseSchema', () => {
  it('wraps banks in data and rejects a bare array', () => {
    expect(bankListResponseSchema.parse({ data: [bank] }).data).toHaveLength(1)
    expect(bankListResponseSchema.safeParse([bank]).success).toBe(false)
  })
})
