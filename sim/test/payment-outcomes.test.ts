import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID } from '../src/index'
import {
  call,
  claimString,
  clientToken,
  finish,
  pushSigned,
  startWithClient,
  type TestClient,
} from './oauth-client'

// Payment statuses that move on the simulator clock, and bank-side failures injected through
// the admin API (`sim.admin.bankOutcome`), for a client's polling and error paths.

let t: TestClient

beforeEach(async () => {
  t = await startWithClient()
})
afterEach(async () => {
  await t.sim.close()
})

const payee = { name: 'Acme Supplies', sortCode: '123456', accountNumber: '12345678' }

interface PaymentBody {
  status: string
  providerStatus: string
  exchangedAt?: string
  finalisedAt?: string
}

/** Pay 250p through PAR, the bank pages and code exchange; returns the payment id. */
async function pay(): Promise<string> {
  const flow = await pushSigned(t, {
    scope: `payment openid id:${MOCK_BANK_ID}`,
    claims: {
      id_token: {
        'mh:payment': {
          essential: true,
          value: { amount: 250, payee, payeeRef: 'INV7', payerRef: 'ORDER7' },
        },
      },
    },
  })
  const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
  return claimString(claims, 'mh:payment')
}

/** `GET /payments/:id` with a fresh token (the tests move the clock past token lifetimes). */
async function readPayment(id: string): Promise<PaymentBody & Record<string, unknown>> {
  const read = await call(
    `${t.sim.identityUrl}/payments/${id}`,
    await clientToken(t, 'payment:read'),
  )
  expect(read.status).toBe(200)
  return (read.body as { data: PaymentBody & Record<string, unknown> }).data
}

/** A VRP consent with generous limits; returns its URL. */
async function vrpConsent(): Promise<string> {
  const flow = await pushSigned(t, {
    scope: `recurring_payment:create openid id:${MOCK_BANK_ID}`,
    claims: {
      id_token: {
        'mh:recurring_payment': {
          essential: true,
          value: {
            payee,
            reference: 'Sweep',
            validFromDate: new Date().toISOString().slice(0, 10),
            maximumIndividualAmount: 100_000,
            currency: 'GBP',
            periodicLimits: [
              {
                amount: 1_000_000,
                currency: 'GBP',
                periodType: 'Month',
                periodAlignment: 'Calendar',
              },
            ],
            type: ['Sweeping'],
          },
        },
      },
    },
  })
  const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
  return `${t.sim.identityUrl}/recurring-payments/${claimString(claims, 'mh:recurring_payment')}`
}

describe('payment statuses over time', () => {
  it('settles a payment at code exchange when nothing is injected', async () => {
    const payment = await readPayment(await pay())
    expect(payment).toMatchObject({
      status: 'completed',
      providerStatus: 'AcceptedSettlementCompleted',
    })
  })

  it('keeps a payment pending until settleAfterSeconds pass on the simulator clock', async () => {
    await t.sim.admin.bankOutcome({ settleAfterSeconds: 120 })
    const id = await pay()
    const pending = await readPayment(id)
    expect(pending).toMatchObject({
      status: 'pending',
      providerStatus: 'AcceptedSettlementInProcess',
    })
    expect(pending.finalisedAt).toBeUndefined()
    expect(pending).not.toHaveProperty('settlement')

    await t.sim.admin.advanceClock(119)
    expect((await readPayment(id)).status).toBe('pending')
    await t.sim.admin.advanceClock(1)
    const settled = await readPayment(id)
    expect(settled).toMatchObject({
      status: 'completed',
      providerStatus: 'AcceptedSettlementCompleted',
    })
    expect(Date.parse(settled.finalisedAt ?? '') - Date.parse(settled.exchangedAt ?? '')).toBe(
      120_000,
    )

    const list = await call(`${t.sim.identityUrl}/payments`, await clientToken(t, 'payment:read'))
    const listed = (list.body as { data: { id: string; status: string }[] }).data
    expect(listed.find((payment) => payment.id === id)?.status).toBe('completed')
  })

  it('lets a pending payment end rejected', async () => {
    await t.sim.admin.bankOutcome({ outcome: 'rejected', settleAfterSeconds: 60 })
    const id = await pay()
    expect((await readPayment(id)).status).toBe('pending')
    await t.sim.admin.advanceClock(60)
    expect(await readPayment(id)).toMatchObject({ status: 'rejected', providerStatus: 'Rejected' })
  })
})

describe('injected bank failures', () => {
  it('rejects the next payment only, for times: 1', async () => {
    await t.sim.admin.bankOutcome({ outcome: 'rejected', times: 1 })
    const rejected = await readPayment(await pay())
    expect(rejected).toMatchObject({ status: 'rejected', providerStatus: 'Rejected' })
    expect(rejected.finalisedAt).toEqual(expect.any(String))
    expect((await readPayment(await pay())).status).toBe('completed')
  })

  it('applies queued outcomes in order until cleared', async () => {
    await t.sim.admin.bankOutcome({ outcome: 'rejected', times: 1 })
    await t.sim.admin.bankOutcome({ outcome: 'insufficient_funds' })
    expect((await readPayment(await pay())).status).toBe('rejected')
    expect((await readPayment(await pay())).status).toBe('rejected')
    expect((await readPayment(await pay())).status).toBe('rejected')
    await t.sim.admin.clearBankOutcomes()
    expect((await readPayment(await pay())).status).toBe('completed')
  })

  it('reports no funds at funds confirmation and rejects the VRP payment for insufficient funds', async () => {
    const base = await vrpConsent()
    const funds = async () => {
      const answer = await call(
        `${base}/funds-confirmation`,
        await clientToken(t, 'recurring_payment:funds_confirmation'),
        { method: 'POST', body: { amount: '10.00', currency: 'GBP' } },
      )
      return (answer.body as { data: { fundsAvailable: boolean } }).data.fundsAvailable
    }
    await t.sim.admin.bankOutcome({ outcome: 'insufficient_funds', times: 1 })
    expect(await funds()).toBe(false)
    const token = await clientToken(t, 'recurring_payment:create')
    const paid = await call(`${base}/pay`, token, {
      method: 'POST',
      body: { amount: 1000, payeeRef: 'Sweep', payerRef: 'Sweep' },
    })
    expect(paid.status).toBe(200)
    expect((paid.body as { data: PaymentBody }).data).toMatchObject({
      status: 'rejected',
      providerStatus: 'Rejected',
    })
    expect(await funds()).toBe(true)
  })

  it('moves a VRP payment from pending to completed in GET /recurring-payments/:id', async () => {
    const base = await vrpConsent()
    await t.sim.admin.bankOutcome({ settleAfterSeconds: 30, times: 1 })
    const paid = await call(`${base}/pay`, await clientToken(t, 'recurring_payment:create'), {
      method: 'POST',
      body: { amount: 1000, payeeRef: 'Sweep', payerRef: 'Sweep' },
    })
    const { id, status } = (paid.body as { data: { id: string; status: string } }).data
    expect(status).toBe('pending')
    const payments = async () => {
      const read = await call(base, await clientToken(t, 'recurring_payment:read'))
      return (read.body as { data: { payments: Record<string, unknown>[] } }).data.payments
    }
    expect((await payments()).find((payment) => payment.id === id)).toMatchObject({
      status: 'pending',
    })
    await t.sim.admin.advanceClock(30)
    const settled = (await payments()).find((payment) => payment.id === id)
    expect(settled).toMatchObject({
      status: 'completed',
      providerStatus: 'AcceptedSettlementCompleted',
    })
    expect(settled).not.toHaveProperty('settlement')
  })

  it('refuses a malformed outcome at the admin API', async () => {
    await expect(t.sim.admin.bankOutcome({ outcome: 'lost' as 'rejected' })).rejects.toThrow(
      /failed with 400/,
    )
    await expect(t.sim.admin.bankOutcome({ settleAfterSeconds: -1 })).rejects.toThrow(/400/)
  })
})
