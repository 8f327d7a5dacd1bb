import { describe, expect, it } from 'vitest'
import { ACCOUNT_ID } from './internal/test-fixtures'
import { transactionPageSchema, transactionSchema, transactionsQuerySchema } from './transactions'

const transaction = {
  id: 'c390a94f-3824-4cdf-8d02-b0c5304d9f66',
  accountId: ACCOUNT_ID,
  amount: { value: -2323, currency: 'GBP' },
  date: '2024-07-10',
  description: 'Card Purchase SAINSBURYS S/MKTS BCC',
  merchant: 'Sainsburys',
  category: { id: 'std:4b0255f0-0309-4509-9e05-4b4e386f9b0d', name: 'Groceries' },
  status: 'posted',
}

describe('transactionsQuerySchema', () => {
  it('fills limit 50 and offset 0 when absent', () => {
    expect(transactionsQuerySchema.parse({})).toEqual({ limit: 50, offset: 0 })
  })

  it('turns query strings into numbers and keeps the filters', () => {
    expect(
      transactionsQuerySchema.parse({
        accountId: ACCOUNT_ID,
        startDate: '2024-01-01',
        endDate: '2024-01-01',
        limit: '200',
        offset: '400',
        text: ' coffee ',
      }),
    ).toEqual({
      accountId: ACCOUNT_ID,
      startDate: '2024-01-01',
      endDate: '2024-01-01',
      limit: 200,
      offset: 400,
      text: 'coffee',
    })
  })

  it('rejects a start date after the end date', () => {
    const result = transactionsQuerySchema.safeParse({
      startDate: '2024-02-01',
      endDate: '2024-01-31',
    })
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['startDate'])
  })

  it('rejects limits outside 1–200, a negative offset and non-numeric strings', () => {
    for (const query of [
      { limit: '0' },
      { limit: '201' },
      { limit: '' },
      { limit: '1e2' },
      { offset: '-1' },
      { offset: 'abc' },
      { limit: 10 },
    ]) {
      expect(transactionsQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false)
    }
  })

  it('rejects unknown and repeated parameters, bad dates and long or control-laden text', () => {
    for (const query of [
      { categoryId: 'std:x' },
      { fromDate: '2024-01-01' },
      { accountId: [ACCOUNT_ID, ACCOUNT_ID] },
      { startDate: '2024-1-1' },
      { endDate: '2024-02-30' },
      { text: 'x'.repeat(101) },
      { text: 'a\nb' },
      { accountId: '../accounts' },
    ]) {
      expect(transactionsQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false)
    }
  })
})

describe('transactionSchema', () => {
  it('accepts a mapped transaction, pending or posted', () => {
    expect(transactionSchema.parse(transaction)).toEqual(transaction)
    expect(transactionSchema.parse({ ...transaction, status: 'pending' }).status).toBe('pending')
  })

  it('rejects raw Moneyhub fields, an unknown status, a date-time date and long text', () => {
    expect(transactionSchema.safeParse({ ...transaction, longDescription: 'x' }).success).toBe(
      false,
    )
    expect(transactionSchema.safeParse({ ...transaction, status: 'booked' }).success).toBe(false)
    expect(
      transactionSchema.safeParse({ ...transaction, date: '2024-07-10T12:00:00+00:00' }).success,
    ).toBe(false)
    expect(
      transactionSchema.safeParse({ ...transaction, description: 'x'.repeat(501) }).success,
    ).toBe(false)
    expect(
      transactionSchema.safeParse({ ...transaction, category: { id: 'groceries' } }).success,
    ).toBe(false)
  })
})

describe('transactionPageSchema', () => {
  it('accepts a page with a next offset and a last page with null', () => {
    const page = { data: [transaction], page: { limit: 1, offset: 0, nextOffset: 1 } }
    expect(transactionPageSchema.parse(page)).toEqual(page)
    expect(
      transactionPageSchema.parse({ data: [], page: { limit: 50, offset: 0, nextOffset: null } })
        .page.nextOffset,
    ).toBeNull()
  })

  it('rejects a page without paging facts or with upstream links', () => {
    expect(transactionPageSchema.safeParse({ data: [] }).success).toBe(false)
    expect(
      transactionPageSchema.safeParse({
        data: [],
        page: { limit: 50, offset: 0, nextOffset: null },
        links: { next: 'https://api.moneyhub.co.uk/v3/transactions?offset=50' },
      }).success,
    ).toBe(false)
  })
})
