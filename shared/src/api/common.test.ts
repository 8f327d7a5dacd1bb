import { describe, expect, it } from 'vitest'
import {
  accountIdSchema,
  bankIdSchema,
  connectionIdSchema,
  flowIdSchema,
  isoDateSchema,
  isoDateTimeSchema,
  moneySchema,
  pageInfoSchema,
  paymentIdSchema,
  queryIntSchema,
  transactionIdSchema,
  userIdSchema,
} from './common'

const BANK = '1ffe704d39629a929c8e293880fb449a'
const UUID = '567da9db-7296-4dc0-8a99-7b20dea8d21f'

describe('moneySchema', () => {
  it('accepts integer minor units, negative for debits', () => {
    expect(moneySchema.parse({ value: -2323, currency: 'GBP' })).toEqual({
      value: -2323,
      currency: 'GBP',
    })
    expect(moneySchema.parse({ value: 0, currency: 'EUR' }).value).toBe(0)
  })

  it('rejects fractions, unsafe integers, bad currencies and extra fields', () => {
    expect(moneySchema.safeParse({ value: 1.5, currency: 'GBP' }).success).toBe(false)
    expect(moneySchema.safeParse({ value: 2 ** 60, currency: 'GBP' }).success).toBe(false)
    expect(moneySchema.safeParse({ value: '100', currency: 'GBP' }).success).toBe(false)
    expect(moneySchema.safeParse({ value: 1, currency: 'gbp' }).success).toBe(false)
    expect(moneySchema.safeParse({ value: 1, currency: 'GBPX' }).success).toBe(false)
    expect(moneySchema.safeParse({ value: 1, currency: 'GBP', majorUnits: 0.01 }).success).toBe(
      false,
    )
  })
})

describe('resource ids', () => {
  it.each([
    ['accountIdSchema', accountIdSchema],
    ['transactionIdSchema', transactionIdSchema],
    ['paymentIdSchema', paymentIdSchema],
  ])('%s accepts a UUID and rejects path tricks and over-long ids', (_name, schema) => {
    expect(schema.parse(UUID)).toBe(UUID)
    for (const bad of [
      '',
      '..',
      'a/b',
      'a%2Fb',
      'a%5Cb',
      'a\\b',
      'a.b',
      'a b',
      'a?x',
      'x'.repeat(65),
    ]) {
      expect(schema.safeParse(bad).success, bad).toBe(false)
    }
    expect(schema.safeParse('x'.repeat(64)).success).toBe(true)
  })
})

describe('bankIdSchema', () => {
  it('accepts 32 lowercase hex characters only', () => {
    expect(bankIdSchema.parse(BANK)).toBe(BANK)
    expect(bankIdSchema.safeParse(BANK.toUpperCase()).success).toBe(false)
    expect(bankIdSchema.safeParse(BANK.slice(1)).success).toBe(false)
    expect(bankIdSchema.safeParse(BANK + '0').success).toBe(false)
    expect(bankIdSchema.safeParse('all').success).toBe(false)
  })
})

describe('connectionIdSchema', () => {
  it('accepts <bankId>:<uuid> (docs/moneyhub-protocol.md §4.5)', () => {
    const id = `${BANK}:${UUID}`
    expect(connectionIdSchema.parse(id)).toBe(id)
  })

  it('rejects a missing half, a bad uuid, extra text and path tricks', () => {
    for (const bad of [
      BANK,
      UUID,
      `${BANK}:`,
      `${BANK}:${UUID.slice(1)}`,
      `${BANK}:${UUID}x`,
      `${BANK}:${UUID}/..`,
      `${BANK}%3A${UUID}`,
      ` ${BANK}:${UUID}`,
    ]) {
      expect(connectionIdSchema.safeParse(bad).success, bad).toBe(false)
    }
  })
})

describe('flowIdSchema', () => {
  it('accepts 22–64 base64url characters', () => {
    expect(flowIdSchema.safeParse('a'.repeat(22)).success).toBe(true)
    expect(flowIdSchema.safeParse('Ab0_-'.repeat(12)).success).toBe(true)
  })

  it('rejects too short, too long, padding and non-base64url characters', () => {
    expect(flowIdSchema.safeParse('a'.repeat(21)).success).toBe(false)
    expect(flowIdSchema.safeParse('a'.repeat(65)).success).toBe(false)
    expect(flowIdSchema.safeParse('a'.repeat(22) + '=').success).toBe(false)
    expect(flowIdSchema.safeParse('a'.repeat(22) + '+/').success).toBe(false)
  })
})

describe('userIdSchema', () => {
  it('accepts an opaque id and rejects separators and over-long values', () => {
    expect(userIdSchema.parse('5c1907c0e6b340e5c056fb2a')).toBe('5c1907c0e6b340e5c056fb2a')
    expect(userIdSchema.safeParse('a.b').success).toBe(false)
    expect(userIdSchema.safeParse('x'.repeat(129)).success).toBe(false)
  })
})

describe('dates', () => {
  it('isoDateSchema accepts real calendar dates only', () => {
    expect(isoDateSchema.parse('2024-02-29')).toBe('2024-02-29')
    expect(isoDateSchema.safeParse('2023-02-29').success).toBe(false)
    expect(isoDateSchema.safeParse('2024-13-01').success).toBe(false)
    expect(isoDateSchema.safeParse('2024-07-10T12:00:00Z').success).toBe(false)
    expect(isoDateSchema.safeParse('15-MAR-2021').success).toBe(false)
  })

  it('isoDateTimeSchema accepts Z and numeric offsets, not bare local times', () => {
    expect(isoDateTimeSchema.safeParse('2024-07-10T11:39:44+00:00').success).toBe(true)
    expect(isoDateTimeSchema.safeParse('2024-09-27T14:29:43.687Z').success).toBe(true)
    expect(isoDateTimeSchema.safeParse('2024-07-10T11:39:44').success).toBe(false)
    expect(isoDateTimeSchema.safeParse('2024-07-10').success).toBe(false)
  })
})

describe('queryIntSchema', () => {
  const limit = queryIntSchema(1, 200)

  it('turns a digit string into a number inside the range', () => {
    expect(limit.parse('1')).toBe(1)
    expect(limit.parse('200')).toBe(200)
  })

  it('rejects empty, signed, fractional, exponent and out-of-range values', () => {
    for (const bad of [
      '',
      ' ',
      '0',
      '201',
      '-1',
      '+5',
      '1.5',
      '1e2',
      '0x10',
      'ten',
      '9999999999',
    ]) {
      expect(limit.safeParse(bad).success, bad).toBe(false)
    }
  })
})

describe('pageInfoSchema', () => {
  it('accepts a last page with nextOffset null and rejects a negative offset', () => {
    expect(pageInfoSchema.parse({ limit: 50, offset: 0, nextOffset: null }).nextOffset).toBeNull()
    expect(pageInfoSchema.safeParse({ limit: 50, offset: -1, nextOffset: null }).success).toBe(
      false,
    )
    expect(pageInfoSchema.safeParse({ limit: 50, offset: 0 }).success).toBe(false)
  })
})
