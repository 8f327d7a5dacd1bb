/** Type tests of the inferred claim and scope types (run by vitest as normal tests). */
import { describe, expectTypeOf, it } from 'vitest'
import {
  AuthScope,
  ClaimName,
  DataScope,
  bankScope,
  claims,
  parseClaimsRequest,
  scopePresets,
  validateScopes,
  type BankScope,
  type ClaimsBuilder,
  type ClaimsRequest,
  type ConsentClaimValue,
  type PaymentClaimValue,
  type RecurringPaymentClaimValue,
  type ReversePaymentClaimValue,
  type ScopeRule,
  type StandingOrderClaimValue,
} from './index'

describe('scope types', () => {
  it('keeps scope constants as literal types', () => {
    expectTypeOf(AuthScope.openid).toEqualTypeOf<'openid'>()
    expectTypeOf(AuthScope.recurringPaymentCreate).toEqualTypeOf<'recurring_payment:create'>()
    expectTypeOf(DataScope.transactionsReadAll).toEqualTypeOf<'transactions:read:all'>()
  })

  it('types bank scopes as id:<string>', () => {
    expectTypeOf(bankScope('api')).toEqualTypeOf<BankScope>()
    expectTypeOf<BankScope>().toEqualTypeOf<`id:${string}`>()
  })

  it('presets return strings and validateScopes a discriminated result', () => {
    expectTypeOf(scopePresets.payment).returns.toEqualTypeOf<string>()
    expectTypeOf(scopePresets.reauth).parameters.toEqualTypeOf<[]>()
    const result = validateScopes(['openid'])
    if (!result.ok) expectTypeOf(result.rule).toEqualTypeOf<ScopeRule>()
  })

  it('rejects data-scope arrays containing non-data scopes at compile time', () => {
    // @ts-expect-error 'payment' is not a DataScope value
    expectTypeOf(scopePresets.aisOngoing).toBeCallableWith('api', ['payment'])
  })
})

describe('claim value types', () => {
  it('infers payment fields with their wire types', () => {
    expectTypeOf<PaymentClaimValue['amount']>().toEqualTypeOf<number>()
    expectTypeOf<PaymentClaimValue['payeeRef']>().toEqualTypeOf<string>()
    expectTypeOf<PaymentClaimValue['payeeId']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<PaymentClaimValue['context']>().toEqualTypeOf<
      'Other' | 'BillPayment' | 'PartyToParty' | undefined
    >()
    expectTypeOf<PaymentClaimValue['payerType']>().toEqualTypeOf<
      'api-payer' | 'mh-user-account' | undefined
    >()
  })

  it('infers consent permissions as the Open Banking union', () => {
    expectTypeOf<NonNullable<ConsentClaimValue['permissions']>[number]>().toEqualTypeOf<
      | 'ReadAccountsBasic'
      | 'ReadAccountsDetail'
      | 'ReadBalances'
      | 'ReadBeneficiariesDetail'
      | 'ReadParty'
      | 'ReadProducts'
      | 'ReadStandingOrdersBasic'
      | 'ReadStandingOrdersDetail'
      | 'ReadStatementsBasic'
      | 'ReadStatementsDetail'
      | 'ReadTransactionsCredits'
      | 'ReadTransactionsDebits'
      | 'ReadTransactionsDetail'
    >()
    expectTypeOf<ConsentClaimValue['permissionsAction']>().toEqualTypeOf<
      'add' | 'replace' | undefined
    >()
  })

  it('infers VRP, standing order and reverse payment enums and required fields', () => {
    expectTypeOf<RecurringPaymentClaimValue['type']>().toEqualTypeOf<('Sweeping' | 'Other')[]>()
    expectTypeOf<
      RecurringPaymentClaimValue['periodicLimits'][number]['periodType']
    >().toEqualTypeOf<'Day' | 'Week' | 'Fortnight' | 'Month' | 'Half-year' | 'Year'>()
    expectTypeOf<RecurringPaymentClaimValue['currency']>().toEqualTypeOf<'GBP'>()
    expectTypeOf<StandingOrderClaimValue['frequency']['repeat']>().toEqualTypeOf<
      'Daily' | 'Weekly' | 'Monthly' | 'Quarterly' | 'Yearly'
    >()
    expectTypeOf<ReversePaymentClaimValue['paymentId']>().toEqualTypeOf<string>()
  })
})

describe('claims request types', () => {
  it('gives typed access to known claims and unknown-typed access to others', () => {
    const request = parseClaimsRequest({ id_token: { sub: {} } })
    expectTypeOf(request).toEqualTypeOf<ClaimsRequest>()
    expectTypeOf(request.id_token['mh:payment']).toExtend<
      { essential?: boolean | undefined; value?: PaymentClaimValue | undefined } | undefined
    >()
    expectTypeOf(request.id_token.sub?.value).toEqualTypeOf<string | undefined>()
    expectTypeOf(request.id_token['mh:cat_type']?.value).toEqualTypeOf<
      'personal' | 'business' | undefined
    >()
    expectTypeOf(request.id_token['mh:other']?.value).toEqualTypeOf<unknown>()
  })

  it('builder methods return builders and build returns a ClaimsRequest', () => {
    expectTypeOf(claims().sub()).toEqualTypeOf<ClaimsBuilder>()
    expectTypeOf(claims().build).returns.toEqualTypeOf<ClaimsRequest>()
    expectTypeOf(ClaimName.connectionId).toEqualTypeOf<'mh:con_id'>()
  })

  it('rejects wrongly typed builder input at compile time', () => {
    const builder = claims()
    const poundsAsText = { amount: '1.50', payeeId: 'p', payeeRef: 'a', payerRef: 'b' }
    // @ts-expect-error amount must be a number of pence, not a string
    expectTypeOf(builder.payment).toBeCallableWith(poundsAsText)
    // @ts-expect-error category type is personal or business
    expectTypeOf(builder.categoryType).toBeCallableWith('family')
  })
})
