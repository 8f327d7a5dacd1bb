// Contract-valid sample data (checked by the shared schemas when the fake BFF serves it).
export const FLOW_ID = 'flow_abcdefghijklmnop12345'
export const BANK_ID = '1ffe704d39629a929c8e293880fb449a'
export const CONNECTION_ID = `${BANK_ID}:567da9db-7296-4dc0-8a99-7b20dea8d21f`
export const BANK_URL = 'http://127.0.0.1:8790/oidc/auth?client_id=app&request_uri=urn%3Aexample'

export const account = {
  id: '10c6e372-64a4-4d80-add1-ba8549d668ed',
  name: 'Everyday Current',
  type: 'cash:current',
  accountType: 'personal',
  currency: 'GBP',
  balance: { amount: { value: 123456, currency: 'GBP' }, date: '2026-11-20' },
  providerName: 'Moneyhub Open Banking Mock',
  connectionId: CONNECTION_ID,
  details: { sortCode: '123456', accountNumberLast4: '4321' },
}

export function transaction(n: number, value = -1250) {
  return {
    id: `tx-${n}`,
    accountId: account.id,
    amount: { value, currency: 'GBP' },
    date: '2026-11-01',
    description: `Card payment ${n}`,
    status: 'posted',
  }
}

export function connection(overrides: Record<string, unknown> = {}) {
  return {
    id: CONNECTION_ID,
    bankId: BANK_ID,
    bankName: 'Moneyhub Open Banking Mock',
    type: 'test',
    status: 'active',
    connectedAt: '2026-09-01T10:00:00Z',
    consentExpiresAt: '2026-12-01T10:00:00Z',
    reconsentAvailable: true,
    accountIds: [account.id],
    ...overrides,
  }
}

export const succeededFlow = {
  flowId: FLOW_ID,
  status: 'succeeded',
  kind: 'ais',
  result: { connectionId: CONNECTION_ID },
}

export const failedFlow = {
  flowId: FLOW_ID,
  status: 'failed',
  kind: 'ais',
  error: { code: 'access_denied', message: 'The user denied access at the bank.' },
}

export const connectAnswer = {
  flowId: FLOW_ID,
  url: BANK_URL,
  expiresAt: '2026-11-22T01:10:00Z',
}

export const PAYMENT_ID = 'pay-0001'
export const RECURRING_PAYMENT_ID = 'vrp-0001'

export function payment(overrides: Record<string, unknown> = {}) {
  return {
    id: PAYMENT_ID,
    amount: { value: 1500, currency: 'GBP' },
    status: 'pending',
    payeeName: 'Acme Ltd',
    payeeRef: 'INV123',
    payerRef: 'INV123',
    initiatedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  }
}

export function recurringPayment(overrides: Record<string, unknown> = {}) {
  return {
    id: RECURRING_PAYMENT_ID,
    status: 'authorised',
    reference: 'Sweep to savings',
    payeeName: 'My savings',
    maximumIndividualAmount: { value: 50_000, currency: 'GBP' },
    periodicLimits: [
      {
        amount: { value: 200_000, currency: 'GBP' },
        periodType: 'month',
        periodAlignment: 'calendar',
      },
    ],
    validFromDate: '2026-04-01',
    validToDate: '2027-03-31',
    ...overrides,
  }
}

export const succeededPaymentFlow = {
  flowId: FLOW_ID,
  status: 'succeeded',
  kind: 'payment',
  result: { paymentId: PAYMENT_ID },
}
