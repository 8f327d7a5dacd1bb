import { describe, expect, it } from 'vitest'
import { expectIssue, parseClaim } from '../../test/claims-support'
import { paymentClaimValueSchema, type PaymentClaimValue } from './payment'

const PAYMENT = 'mh:payment'
const valid: PaymentClaimValue = {
  amount: 150,
  payeeId: '3305bc2c-8848-4fe0-a529-a7f7d35a5722',
  payeeRef: 'INV123',
  payerRef: 'INV123',
}
const account = { accountNumber: '12345678', sortCode: '123456', name: 'Jo Bloggs' }

function withPayment(overrides: Record<string, unknown>, omit: readonly string[] = []) {
  const value: Record<string, unknown> = { ...valid, ...overrides }
  for (const key of omit) Reflect.deleteProperty(value, key)
  return value
}

describe('mh:payment happy paths', () => {
  it('accepts the minimum: amount, payeeId, payeeRef, payerRef', () => {
    expect(parseClaim(PAYMENT, valid).id_token[PAYMENT]?.value).toEqual(valid)
  })

  it('accepts an inline payee instead of payeeId, with every optional field', () => {
    const value = withPayment(
      {
        payee: account,
        payeeType: 'api-payee',
        payerId: 'payer-1',
        payerType: 'mh-user-account',
        context: 'BillPayment',
        payerName: 'John Smith',
        payerEmail: 'john@example.com',
        readRefundAccount: true,
        endToEndId: 'E2E-1',
      },
      ['payeeId'],
    )
    expect(paymentClaimValueSchema.safeParse(value).success).toBe(true)
  })

  it('accepts the Open Banking Mock reference "INVALID REQUEST" (space allowed)', () => {
    expect(() => parseClaim(PAYMENT, withPayment({ payeeRef: 'INVALID REQUEST' }))).not.toThrow()
  })

  it('accepts an 18-character reference', () => {
    expect(() =>
      parseClaim(PAYMENT, withPayment({ payeeRef: 'A'.repeat(18), payerRef: 'B'.repeat(18) })),
    ).not.toThrow()
  })

  it('accepts an inline payer with payerType api-payer', () => {
    expect(() =>
      parseClaim(PAYMENT, withPayment({ payer: account, payerType: 'api-payer' })),
    ).not.toThrow()
  })
})

describe('mh:payment amount', () => {
  it.each([
    [0, 'positive'],
    [-1, 'positive'],
    [1.5, 'integer'],
    [Number.MAX_SAFE_INTEGER + 1, 'integer'],
    ['150', 'type'],
  ] as const)('rejects %s with rule %s', (amount, rule) => {
    expectIssue(PAYMENT, withPayment({ amount }), 'mh:payment.amount', rule)
  })

  it('rejects a missing amount as required', () => {
    expectIssue(PAYMENT, withPayment({}, ['amount']), 'mh:payment.amount', 'required')
  })

  it('accepts one penny', () => {
    expect(() => parseClaim(PAYMENT, withPayment({ amount: 1 }))).not.toThrow()
  })
})

describe('mh:payment payee', () => {
  it('rejects payeeId and payee together', () => {
    expectIssue(PAYMENT, withPayment({ payee: account }), 'mh:payment.payee', 'exclusive')
  })

  it('rejects neither payeeId nor payee', () => {
    expectIssue(PAYMENT, withPayment({}, ['payeeId']), 'mh:payment.payeeId', 'required')
  })

  it.each([
    ['a 7-digit account number', { ...account, accountNumber: '1234567' }, 'accountNumber'],
    ['a 9-digit account number', { ...account, accountNumber: '123456789' }, 'accountNumber'],
    ['a dashed sort code', { ...account, sortCode: '12-34-56' }, 'sortCode'],
    ['a 5-digit sort code', { ...account, sortCode: '12345' }, 'sortCode'],
  ])('rejects %s', (_label, payee, field) => {
    expectIssue(PAYMENT, withPayment({ payee }, ['payeeId']), `mh:payment.payee.${field}`, 'format')
  })

  it('rejects an inline payee without a name', () => {
    expectIssue(
      PAYMENT,
      withPayment({ payee: { accountNumber: '12345678', sortCode: '123456' } }, ['payeeId']),
      'mh:payment.payee.name',
      'required',
    )
  })

  it('rejects an unknown payeeType', () => {
    expectIssue(PAYMENT, withPayment({ payeeType: 'someone' }), 'mh:payment.payeeType', 'enum')
  })

  it('rejects an empty payeeId', () => {
    expectIssue(PAYMENT, withPayment({ payeeId: '' }), 'mh:payment.payeeId', 'too_short')
  })
})

describe('mh:payment payer', () => {
  it('requires payerType when payerId is given', () => {
    expectIssue(PAYMENT, withPayment({ payerId: 'payer-1' }), 'mh:payment.payerType', 'required')
  })

  it('requires payerType when payer is given', () => {
    expectIssue(PAYMENT, withPayment({ payer: account }), 'mh:payment.payerType', 'required')
  })

  it('rejects payer with payerType mh-user-account', () => {
    expectIssue(
      PAYMENT,
      withPayment({ payer: account, payerType: 'mh-user-account' }),
      'mh:payment.payerType',
      'conflict',
    )
  })

  it('rejects payerId and payer together', () => {
    expectIssue(
      PAYMENT,
      withPayment({ payer: account, payerId: 'p', payerType: 'api-payer' }),
      'mh:payment.payer',
      'exclusive',
    )
  })

  it('rejects an unknown payerType', () => {
    expectIssue(
      PAYMENT,
      withPayment({ payerId: 'p', payerType: 'api-payee' }),
      'mh:payment.payerType',
      'enum',
    )
  })
})

describe('mh:payment references', () => {
  it.each(['payeeRef', 'payerRef'])('rejects a 19-character %s', (field) => {
    expectIssue(
      PAYMENT,
      withPayment({ [field]: 'A'.repeat(19) }),
      `mh:payment.${field}`,
      'too_long',
    )
  })

  it.each(['payeeRef', 'payerRef'])('rejects a missing %s', (field) => {
    expectIssue(PAYMENT, withPayment({}, [field]), `mh:payment.${field}`, 'required')
  })

  it('rejects an empty reference', () => {
    expectIssue(PAYMENT, withPayment({ payeeRef: '' }), 'mh:payment.payeeRef', 'too_short')
  })

  it.each([
    ['an underscore', 'INV_123'],
    ['an accented letter', 'CAFÉ'],
    ['a newline', 'INV\n123'],
    ['an emoji', 'INV 🙂'],
    ['only spaces', '   '],
    ['only punctuation', '-./&'],
  ])('rejects a reference with %s', (_label, payerRef) => {
    expectIssue(PAYMENT, withPayment({ payerRef }), 'mh:payment.payerRef', 'charset')
  })

  it('accepts hyphen, full stop, slash and ampersand', () => {
    expect(() => parseClaim(PAYMENT, withPayment({ payerRef: 'A-1.B/2 & C' }))).not.toThrow()
  })
})

describe('mh:payment other fields', () => {
  it.each(['Other', 'BillPayment', 'PartyToParty'])('accepts context %s', (context) => {
    expect(() => parseClaim(PAYMENT, withPayment({ context }))).not.toThrow()
  })

  it('rejects an unknown context', () => {
    expectIssue(PAYMENT, withPayment({ context: 'Gift' }), 'mh:payment.context', 'enum')
  })

  it('accepts a 254-character payerName and rejects 255', () => {
    expect(() => parseClaim(PAYMENT, withPayment({ payerName: 'n'.repeat(254) }))).not.toThrow()
    expectIssue(
      PAYMENT,
      withPayment({ payerName: 'n'.repeat(255) }),
      'mh:payment.payerName',
      'too_long',
    )
  })

  it('rejects a payerEmail that is not an email', () => {
    expectIssue(
      PAYMENT,
      withPayment({ payerEmail: 'john at example' }),
      'mh:payment.payerEmail',
      'format',
    )
  })

  it('rejects a payerEmail longer than 254 characters', () => {
    const email = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`
    expect(email.length).toBeGreaterThan(254)
    expectIssue(PAYMENT, withPayment({ payerEmail: email }), 'mh:payment.payerEmail', 'too_long')
  })

  it('rejects a non-boolean readRefundAccount', () => {
    expectIssue(
      PAYMENT,
      withPayment({ readRefundAccount: 'yes' }),
      'mh:payment.readRefundAccount',
      'type',
    )
  })

  it('rejects an endToEndId longer than 35 characters', () => {
    expectIssue(
      PAYMENT,
      withPayment({ endToEndId: 'e'.repeat(36) }),
      'mh:payment.endToEndId',
      'too_long',
    )
  })

  it("rejects the seed client's shape (amount object, creditorAccount, reference)", () => {
    expectIssue(
      PAYMENT,
      { amount: { amount: 150, currency: 'GBP' }, creditorAccount: {}, reference: 'x' },
      'mh:payment.creditorAccount',
      'unknown_key',
    )
  })

  it('names the field and the rule in the message without echoing the value', () => {
    try {
      parseClaim(PAYMENT, withPayment({ payeeRef: 'SECRET_VALUE_123' }))
      expect.unreachable()
    } catch (error) {
      expect(String(error)).toContain('mh:payment.payeeRef')
      expect(String(error)).toContain('[charset]')
      expect(String(error)).not.toContain('SECRET_VALUE_123')
    }
  })
})
