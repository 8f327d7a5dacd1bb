import { describe, expect, it } from 'vitest'
import { PAYEE_LIST_MAX, payeeListResponseSchema } from './payees'

const PAYEE_ID = '3305bc2c-8848-4fe0-a529-a7f7d35a5722'

describe('payeeListResponseSchema', () => {
  it('accepts payees by Moneyhub id and display name', () => {
    const body = { data: [{ id: PAYEE_ID, name: 'Acme Ltd' }] }
    expect(payeeListResponseSchema.parse(body)).toEqual(body)
  })

  it('refuses a payee without a name, an id with a slash, extra fields and an unbounded list', () => {
    expect(payeeListResponseSchema.safeParse({ data: [{ id: PAYEE_ID, name: '' }] }).success).toBe(
      false,
    )
    expect(payeeListResponseSchema.safeParse({ data: [{ id: 'a/b', name: 'A' }] }).success).toBe(
      false,
    )
    expect(
      payeeListResponseSchema.safeParse({
        data: [{ id: PAYEE_ID, name: 'A', accountNumber: '12345678' }],
      }).success,
    ).toBe(false)
    const many = Array.from({ length: PAYEE_LIST_MAX + 1 }, (_, i) => ({ id: `p${i}`, name: 'A' }))
    expect(payeeListResponseSchema.safeParse({ data: many }).success).toBe(false)
  })
})
