import { describe, expect, it } from 'vitest'
import {
  accountListResponseSchema,
  accountParamsSchema,
  accountResponseSchema,
  accountSchema,
} from './accounts'
import { ACCOUNT_ID, CONNECTION_ID } from './internal/test-fixtures'

const account = {
  id: ACCOUNT_ID,
  name: 'Current Account',
  type: 'cash:current',
  accountType: 'personal',
  currency: 'GBP',
  balance: { amount: { value: 300023, currency: 'GBP' }, date: '2024-08-12' },
  providerName: 'HSBC',
  connectionId: CONNECTION_ID,
  accountHolderName: 'Ms Test',
  details: { sortCode: '601613', accountNumberLast4: '6819' },
}

describe('accountSchema', () => {
  it('accepts a mapped account', () => {
    expect(accountSchema.parse(account)).toEqual(account)
    expect(accountResponseSchema.parse({ data: account }).data.id).toBe(ACCOUNT_ID)
    expect(accountListResponseSchema.parse({ data: [account, account] }).data).toHaveLength(2)
  })

  it('rejects full account numbers, IBANs and other raw identifiers in details', () => {
    for (const details of [
      { accountNumberLast4: '31926819' },
      { iban: 'GB29NWBK60161331926819' },
      { sortCodeAccountNumber: '60161331926819' },
      { pan: '4111111111111111' },
    ]) {
      expect(accountSchema.safeParse({ ...account, details }).success).toBe(false)
    }
  })

  it("rejects Moneyhub's raw field names, unknown types and a bad id", () => {
    expect(accountSchema.safeParse({ ...account, accountName: 'x' }).success).toBe(false)
    expect(accountSchema.safeParse({ ...account, type: 'current' }).success).toBe(false)
    expect(accountSchema.safeParse({ ...account, accountType: 'joint' }).success).toBe(false)
    expect(accountSchema.safeParse({ ...account, id: 'a/../b' }).success).toBe(false)
    expect(accountSchema.safeParse({ ...account, name: 'x'.repeat(201) }).success).toBe(false)
    expect(
      accountSchema.safeParse({
        ...account,
        balance: { amount: { value: 1.5, currency: 'GBP' }, date: '2024-08-12' },
      }).success,
    ).toBe(false)
  })
})

describe('accountParamsSchema', () => {
  it('accepts a strict id and rejects traversal and encoded separators', () => {
    expect(accountParamsSchema.parse({ id: ACCOUNT_ID })).toEqual({ id: ACCOUNT_ID })
    for (const id of ['..', '%2F', 'a%5Cb', 'a.json']) {
      expect(accountParamsSchema.safeParse({ id }).success, id).toBe(false)
    }
  })
})
