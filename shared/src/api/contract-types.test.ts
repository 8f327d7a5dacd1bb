import { describe, expect, expectTypeOf, it } from 'vitest'
import * as shared from '../index'
import type {
  Account,
  Bank,
  ConnectKind,
  ConnectRequest,
  ConnectRequestInput,
  ConnectResponse,
  Connection,
  ConnectionStatus,
  FlowKind,
  FlowResponse,
  Money,
  Payment,
  PaymentRequest,
  PaymentRequestInput,
  SessionResponse,
  Transaction,
  TransactionPage,
  TransactionsQuery,
  TransactionsQueryInput,
} from './index'
import type { ErrorCode } from '../errors'

describe('inferred contract types', () => {
  it('types money as integer-minor-units number plus currency string', () => {
    expectTypeOf<Money>().toEqualTypeOf<{ value: number; currency: string }>()
  })

  it('makes defaults optional on input and present on output', () => {
    expectTypeOf<ConnectRequestInput['kind']>().toEqualTypeOf<ConnectKind | undefined>()
    expectTypeOf<ConnectRequest['kind']>().toEqualTypeOf<ConnectKind>()
    expectTypeOf<ConnectRequest['returnTo']>().toEqualTypeOf<string>()
    expectTypeOf<PaymentRequestInput['currency']>().toEqualTypeOf<'GBP' | undefined>()
    expectTypeOf<PaymentRequest['currency']>().toEqualTypeOf<'GBP'>()
  })

  it('types query strings in and numbers out for transactions', () => {
    expectTypeOf<TransactionsQueryInput['limit']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<TransactionsQuery['limit']>().toEqualTypeOf<number>()
    expectTypeOf<TransactionPage['page']['nextOffset']>().toEqualTypeOf<number | null>()
  })

  it('keeps the closed unions closed', () => {
    expectTypeOf<ConnectionStatus>().toEqualTypeOf<'active' | 'expiring' | 'expired' | 'error'>()
    expectTypeOf<FlowResponse['status']>().toEqualTypeOf<'pending' | 'succeeded' | 'failed'>()
    expectTypeOf<FlowKind>().toExtend<string>()
    expectTypeOf<NonNullable<FlowResponse['error']>['code']>().toEqualTypeOf<ErrorCode>()
    expectTypeOf<Transaction['status']>().toEqualTypeOf<'posted' | 'pending'>()
    expectTypeOf<Bank['status']>().toEqualTypeOf<
      'available' | 'partially_available' | 'unavailable'
    >()
  })

  it('has no token-shaped properties in any browser-facing type', () => {
    expectTypeOf<SessionResponse>().not.toHaveProperty('accessToken')
    expectTypeOf<ConnectResponse>().toEqualTypeOf<{
      flowId: string
      url: string
      expiresAt: string
    }>()
    expectTypeOf<Account['balance']['amount']>().toEqualTypeOf<Money>()
    expectTypeOf<Connection['accountIds']>().toEqualTypeOf<string[]>()
    expectTypeOf<Payment['amount']>().toEqualTypeOf<Money>()
  })
})

describe('package entry', () => {
  it('exposes the API contract and error codes next to the claims and scopes', () => {
    expect(typeof shared.connectRequestSchema.parse).toBe('function')
    expect(typeof shared.errorStatus).toBe('function')
    expect(shared.errorStatus('upstream_timeout')).toBe(504)
    expect(shared.apiRoutes.length).toBeGreaterThan(0)
    expect(typeof shared.returnToSchema.parse).toBe('function')
  })
})
