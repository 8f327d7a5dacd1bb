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

// VRP consents enforced on `POST /recurring-payments/:id/pay` (docs/moneyhub-protocol.md §4.8):
// validity window, maximum individual amount and periodic limits per period type and alignment.
// Each test has its own simulator, because the tests move its clock.

let t: TestClient

beforeEach(async () => {
  t = await startWithClient()
})
afterEach(async () => {
  await t.sim.close()
})

const DAY_MS = 24 * 3600 * 1000
const payee = { name: 'Savings Pot', sortCode: '123456', accountNumber: '12345678' }

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Authorise a VRP consent with these terms; returns its pay URL and a token for it. */
async function consent(terms: Record<string, unknown>) {
  const flow = await pushSigned(t, {
    scope: `recurring_payment:create openid id:${MOCK_BANK_ID}`,
    claims: {
      id_token: {
        'mh:recurring_payment': {
          essential: true,
          value: {
            payee,
            reference: 'Sweep',
            validFromDate: isoDate(Date.now()),
            maximumIndividualAmount: 1_000_000,
            currency: 'GBP',
            type: ['Sweeping'],
            periodicLimits: [
              {
                amount: 1_000_000,
                currency: 'GBP',
                periodType: 'Year',
                periodAlignment: 'Calendar',
              },
            ],
            ...terms,
          },
        },
      },
    },
  })
  const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
  const base = `${t.sim.identityUrl}/recurring-payments/${claimString(claims, 'mh:recurring_payment')}`
  const token = await clientToken(t, 'recurring_payment:create')
  // A fresh token per payment: the tests move the clock past a token's 7200 s.
  const pay = async (amount: number, extra: Record<string, unknown> = {}) =>
    call(`${base}/pay`, await clientToken(t, 'recurring_payment:create'), {
      method: 'POST',
      body: { amount, payeeRef: 'Sweep', payerRef: 'Sweep', ...extra },
    })
  return { base, token, pay }
}

function expectError(
  answer: { status: number; body: unknown },
  status: number,
  code: string,
): void {
  expect(answer.status).toBe(status)
  expect(answer.body).toMatchObject({ code, message: expect.any(String) as unknown })
  expect((answer.body as { correlationId?: unknown }).correlationId).toEqual(expect.any(String))
}

describe('VRP payments within the consent', () => {
  it('refuses an amount above maximumIndividualAmount with 400 limit_exceeded', async () => {
    const { pay } = await consent({ maximumIndividualAmount: 5000 })
    expect((await pay(5000)).status).toBe(200)
    expectError(await pay(5001), 400, 'limit_exceeded')
  })

  it('enforces a calendar-aligned Day limit and frees it the next day', async () => {
    const { pay } = await consent({
      periodicLimits: [
        { amount: 1000, currency: 'GBP', periodType: 'Day', periodAlignment: 'Calendar' },
      ],
    })
    expect((await pay(600)).status).toBe(200)
    expect((await pay(400)).status).toBe(200)
    expectError(await pay(1), 400, 'limit_exceeded')
    await t.sim.admin.advanceClock(24 * 3600)
    expect((await pay(1000)).status).toBe(200)
  })

  it('enforces a consent-aligned Week limit for seven days from validFromDate', async () => {
    const { pay } = await consent({
      periodicLimits: [
        { amount: 2000, currency: 'GBP', periodType: 'Week', periodAlignment: 'Consent' },
      ],
    })
    expect((await pay(2000)).status).toBe(200)
    await t.sim.admin.advanceClock(6 * 24 * 3600 - 60) // still inside the seven days
    expectError(await pay(1), 400, 'limit_exceeded')
    await t.sim.admin.advanceClock(24 * 3600 + 60)
    expect((await pay(2000)).status).toBe(200)
  })

  it('applies every periodic limit, the tightest one refusing', async () => {
    const { pay } = await consent({
      periodicLimits: [
        { amount: 10_000, currency: 'GBP', periodType: 'Month', periodAlignment: 'Consent' },
        { amount: 3000, currency: 'GBP', periodType: 'Fortnight', periodAlignment: 'Consent' },
      ],
    })
    expect((await pay(3000)).status).toBe(200)
    const refused = await pay(100)
    expectError(refused, 400, 'limit_exceeded')
    expect((refused.body as { message: string }).message).toContain('Fortnight')
  })

  it('does not count a payment the bank rejected towards a limit', async () => {
    const { pay } = await consent({
      periodicLimits: [
        { amount: 1000, currency: 'GBP', periodType: 'Day', periodAlignment: 'Calendar' },
      ],
    })
    await t.sim.admin.bankOutcome({ outcome: 'rejected', times: 1 })
    const rejected = await pay(1000)
    expect((rejected.body as { data: { status: string } }).data.status).toBe('rejected')
    const paid = await pay(1000)
    expect((paid.body as { data: { status: string } }).data.status).toBe('completed')
  })

  it('refuses a payee other than the consent payee', async () => {
    const { pay } = await consent({})
    expectError(await pay(100, { payeeId: 'someone-else' }), 400, 'invalid_body')
  })
})

describe('VRP consents that cannot pay', () => {
  it('refuses a revoked consent with 403 consent_revoked', async () => {
    const { base, token, pay } = await consent({})
    expect((await call(base, token, { method: 'DELETE' })).status).toBe(204)
    expectError(await pay(100), 403, 'consent_revoked')
  })

  it('refuses once validToDate has passed with 403 consent_expired', async () => {
    const { pay } = await consent({ validToDate: isoDate(Date.now() + DAY_MS) })
    expect((await pay(100)).status).toBe(200)
    await t.sim.admin.advanceClock(2 * 24 * 3600)
    expectError(await pay(100), 403, 'consent_expired')
  })

  it('refuses before validFromDate with 403 consent_not_yet_valid', async () => {
    const { pay } = await consent({ validFromDate: isoDate(Date.now() + 3 * DAY_MS) })
    expectError(await pay(100), 403, 'consent_not_yet_valid')
    await t.sim.admin.advanceClock(3 * 24 * 3600)
    expect((await pay(100)).status).toBe(200)
  })
})
