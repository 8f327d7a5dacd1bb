import { MOCK_BANK_ID } from '@mhkit/sim'
import { claims, scopePresets } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MoneyhubError } from '../../src/moneyhub'
import { startHarness, type SimHarness } from './support'

const DAY = 86_400_000
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)

describe('Moneyhub flows against the simulator', () => {
  let h: SimHarness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })

  let newUser: { sub: string; connectionId: string; refreshToken?: string | undefined }
  let existingUser: { userId: string; connectionId: string }
  let payeeId: string

  it('AIS new user: connects, then reads accounts and transactions with tokenForUser', async () => {
    const result = await h.authorise({
      scope: scopePresets.aisOngoing(MOCK_BANK_ID),
      claims: claims().sub().connectionId().build(),
      expectedClaims: { connectionId: true },
    })
    expect(result.sub).toMatch(/^[0-9a-f]{24}$/)
    expect(result.connectionId).toMatch(new RegExp(`^${MOCK_BANK_ID}:`))
    expect(result.tokens.refreshToken).toBeTypeOf('string')
    newUser = {
      sub: result.sub,
      connectionId: result.connectionId ?? '',
      ...(result.tokens.refreshToken ? { refreshToken: result.tokens.refreshToken } : {}),
    }
    const accounts = await h.mh.getAccounts(result.sub)
    expect(accounts.data.length).toBeGreaterThan(0)
    const account = accounts.data[0]
    expect(await h.mh.getAccount(result.sub, account?.id ?? '')).toMatchObject({ id: account?.id })
    const transactions = await h.mh.getTransactions(result.sub, {
      accountId: account?.id ?? '',
      limit: 5,
    })
    expect(transactions.data.length).toBeLessThanOrEqual(5)
    const connections = await h.mh.listConnections(result.sub)
    expect(connections.map((c) => c.id)).toContain(result.connectionId)
  })

  it('refreshes the code-exchange tokens and rotates the refresh token', async () => {
    const set = await h.mh.refreshToken(newUser.refreshToken ?? '', { sub: newUser.sub })
    expect(set.accessToken).toBeTypeOf('string')
    expect(set.refreshToken).toBeTypeOf('string')
    expect(set.refreshToken).not.toBe(newUser.refreshToken)
    newUser.refreshToken = set.refreshToken
  })

  it('AIS existing user: registers a user and connects with sub', async () => {
    const user = await h.mh.registerUser({ clientUserId: 'integration-1' })
    expect(await h.mh.getUser(user.userId)).toMatchObject({ userId: user.userId })
    const result = await h.authorise({
      scope: scopePresets.aisExistingUser(MOCK_BANK_ID),
      claims: claims().sub(user.userId).connectionId().build(),
      sub: user.userId,
      expectedClaims: { connectionId: true },
    })
    expect(result.sub).toBe(user.userId)
    existingUser = { userId: user.userId, connectionId: result.connectionId ?? '' }
    expect((await h.mh.getAccounts(user.userId)).data.length).toBeGreaterThan(0)
  })

  it('AIS one-time: connects with a 24 h consent', async () => {
    const result = await h.authorise({
      scope: scopePresets.aisOneTime(MOCK_BANK_ID),
      claims: claims().sub().connectionId().consent({}, { oneTime: true }).build(),
      expectedClaims: { connectionId: true },
    })
    expect(result.connectionId).toBeTypeOf('string')
    expect(result.tokens.scope ?? '').toContain('accounts:read')
  })

  it('reauth keeps the same connection', async () => {
    const result = await h.authorise({
      scope: scopePresets.reauth(),
      claims: claims().sub(existingUser.userId).connectionId(existingUser.connectionId).build(),
      sub: existingUser.userId,
      expectedClaims: { connectionId: existingUser.connectionId },
    })
    expect(result.connectionId).toBe(existingUser.connectionId)
  })

  it('reconsent extends the same connection', async () => {
    const result = await h.authorise({
      scope: scopePresets.reconsent(),
      claims: claims()
        .sub(existingUser.userId)
        .connectionId(existingUser.connectionId)
        .consent({ expirationDateTime: new Date(Date.now() + 80 * DAY).toISOString() })
        .build(),
      sub: existingUser.userId,
    })
    expect(result.sub).toBe(existingUser.userId)
  })

  it('a denied consent ends with access_denied', async () => {
    const err = await h
      .authorise({
        scope: scopePresets.aisExistingUser(MOCK_BANK_ID),
        claims: claims().sub(existingUser.userId).connectionId().build(),
        deny: true,
      })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MoneyhubError)
    expect((err as MoneyhubError).code).toBe('access_denied')
  })

  let paymentId: string
  it('payment: creates a payee, pays, and reads the completed payment', async () => {
    const payee = await h.mh.createPayee({
      accountNumber: '12345678',
      sortCode: '123456',
      name: 'Acme Ltd',
    })
    payeeId = payee.id
    expect(await h.mh.getPayee(payee.id)).toMatchObject({ id: payee.id })
    const result = await h.authorise({
      scope: scopePresets.payment(MOCK_BANK_ID),
      claims: claims()
        .connectionId()
        .payment({
          amount: 150,
          payeeId,
          payeeRef: 'INV123',
          payerRef: 'INV123',
          readRefundAccount: true,
        })
        .build(),
      expectedClaims: { payment: true },
    })
    paymentId = result.paymentId ?? ''
    const payment = await h.mh.getPayment(paymentId)
    expect(payment).toMatchObject({ id: paymentId, amount: 150, status: 'completed' })
    const list = await h.mh.listPayments({ limit: 50 })
    expect(list.data.map((p) => p.id)).toContain(paymentId)
  })

  it('reverse payment: refunds the reversible payment', async () => {
    const result = await h.authorise({
      scope: scopePresets.reversePayment(MOCK_BANK_ID),
      claims: claims().connectionId().reversePayment({ paymentId, amount: 100 }).build(),
      expectedClaims: { reversePayment: true },
    })
    expect(result.reversePaymentId).toBeTypeOf('string')
  })

  it('standing order: creates and reads the standing-order request', async () => {
    const result = await h.authorise({
      scope: scopePresets.standingOrder(MOCK_BANK_ID),
      claims: claims()
        .connectionId()
        .standingOrder({
          payeeId,
          reference: 'Rent',
          frequency: { repeat: 'Monthly', day: 1 },
          numberOfPayments: 12,
          firstPaymentAmount: 10_000,
          currency: 'GBP',
          firstPaymentDate: isoDate(Date.now() + 7 * DAY),
        })
        .build(),
      expectedClaims: { standingOrder: true },
    })
    const order = await h.mh.getStandingOrder(result.standingOrderId ?? '')
    expect(order).toMatchObject({ id: result.standingOrderId, status: 'InitiationCompleted' })
  })

  it('VRP: creates a consent, confirms funds, pays, and revokes', async () => {
    const result = await h.authorise({
      scope: scopePresets.recurringPayment(MOCK_BANK_ID),
      claims: claims()
        .connectionId()
        .recurringPayment({
          payeeId,
          reference: 'Sweep',
          validFromDate: isoDate(Date.now()),
          validToDate: isoDate(Date.now() + 300 * DAY),
          maximumIndividualAmount: 50_000,
          currency: 'GBP',
          periodicLimits: [
            { amount: 200_000, currency: 'GBP', periodType: 'Month', periodAlignment: 'Calendar' },
          ],
          type: ['Sweeping'],
        })
        .build(),
      expectedClaims: { recurringPayment: true },
    })
    const id = result.recurringPaymentId ?? ''
    expect(await h.mh.getRecurringPayment(id)).toMatchObject({ id })
    const funds = await h.mh.confirmFunds(id, { amount: 1000 })
    expect(funds.fundsAvailable).toBeTypeOf('boolean')
    const paid = await h.mh.payRecurringPayment(id, {
      amount: 1000,
      payeeRef: 'SWEEP',
      payerRef: 'SWEEP',
    })
    expect(paid.status).toBeTypeOf('string')
    await h.mh.revokeRecurringPayment(id)
    const err = await h.mh
      .payRecurringPayment(id, { amount: 1000, payeeRef: 'SWEEP', payerRef: 'SWEEP' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MoneyhubError)
  })

  it('lists the test banks', async () => {
    const banks = await h.mh.listBanks('test')
    expect(banks.map((b) => b.id)).toContain(MOCK_BANK_ID)
  })

  it('deletes a connection on the singular path', async () => {
    await h.mh.deleteConnection(existingUser.userId, existingUser.connectionId)
    const connections = await h.mh.listConnections(existingUser.userId)
    expect(connections.map((c) => c.id)).not.toContain(existingUser.connectionId)
  })

  it('is ready', async () => {
    await expect(h.mh.ready()).resolves.toEqual({ discovery: true, jwks: true })
  })
})
