/**
 * The bank's own history limit (docs/moneyhub-protocol.md §4.3, §9.8):
 * `consent.transactionFromDateTime` may be no earlier than the later of 72 months ago and the
 * bank's `monthsInitialConsent` / `daysInitialConsent`. The BFF shows the limits in
 * `GET /api/banks` and refuses an earlier date with `transaction_from_too_early`, naming the
 * earliest date, before any PAR.
 */
import { approveConsent, MOCK_BANK_ID, SIM_BANKS } from '@mhkit/sim'
import {
  bankListResponseSchema,
  connectResponseSchema,
  earliestTransactionFrom,
  errorBodySchema,
  flowResponseSchema,
} from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

const DAY_MS = 86_400_000
const daysBank = SIM_BANKS.find((bank) => bank.daysInitialConsent !== undefined)

function monthsBefore(now: number, months: number): string {
  const date = new Date(now)
  date.setUTCMonth(date.getUTCMonth() - months)
  return date.toISOString()
}

async function upstreamCalls(): Promise<number> {
  const counters = await world.sim.admin.counters()
  return Object.values(counters).reduce((sum, n) => sum + n, 0)
}

describe('GET /api/banks', () => {
  it('shows each bank’s own history limit, in months or in days', async () => {
    const { browser } = bffOverSim(world)
    const res = await browser.get('/api/banks')
    expect(res.status).toBe(200)
    const banks = bankListResponseSchema.parse(await res.json()).data
    expect(banks.find((b) => b.id === MOCK_BANK_ID)).toMatchObject({ monthsInitialConsent: 24 })
    const days = banks.find((b) => b.id === daysBank?.id)
    expect(days).toMatchObject({ daysInitialConsent: daysBank?.daysInitialConsent })
    expect(days).not.toHaveProperty('monthsInitialConsent')
  })
})

describe('POST /api/connect with consent.transactionFromDateTime', () => {
  it('refuses 30 months back at a 24-month bank with transaction_from_too_early naming the earliest date, before any PAR', async () => {
    const { browser, clock } = bffOverSim(world)
    await world.sim.admin.resetCounters()
    const res = await browser.send('POST', '/api/connect', {
      kind: 'ais',
      bankId: MOCK_BANK_ID,
      consent: { transactionFromDateTime: monthsBefore(clock.now(), 30) },
    })
    expect(res.status).toBe(400)
    const { error } = errorBodySchema.parse(await res.json())
    expect(error.code).toBe('transaction_from_too_early')
    const limit = earliestTransactionFrom(new Date(clock.now()), { monthsInitialConsent: 24 })
    const named = Date.parse(error.earliestTransactionFrom ?? '')
    // The first whole UTC day the bank allows, so the date stays usable for the rest of today.
    expect(named).toBeGreaterThanOrEqual(limit.getTime())
    expect(named - limit.getTime()).toBeLessThan(DAY_MS)
    expect(named % DAY_MS).toBe(0)
    expect(error.message).toContain(error.earliestTransactionFrom)
    expect((await world.sim.admin.counters()).par ?? 0).toBe(0)
  })

  it('connects with the earliest date it named', async () => {
    const { browser, clock } = bffOverSim(world)
    const refused = await browser.send('POST', '/api/connect', {
      kind: 'ais',
      bankId: MOCK_BANK_ID,
      consent: { transactionFromDateTime: monthsBefore(clock.now(), 25) },
    })
    const earliest = errorBodySchema.parse(await refused.json()).error.earliestTransactionFrom
    expect(earliest).toBeDefined()
    const res = await browser.send('POST', '/api/connect', {
      kind: 'ais',
      bankId: MOCK_BANK_ID,
      consent: { transactionFromDateTime: earliest },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const started = connectResponseSchema.parse(await res.json())
    const back = await approveConsent(started.url, { bankId: MOCK_BANK_ID })
    expect((await browser.navigate(callbackPath(back))).status).toBe(303)
    const flow = flowResponseSchema.parse(
      await (await browser.get(`/api/flows/${started.flowId}`)).json(),
    )
    expect(flow.status).toBe('succeeded')
  })

  it('refuses a date before a bank’s daysInitialConsent limit and accepts one inside it', async () => {
    const { browser, clock } = bffOverSim(world)
    const days = daysBank?.daysInitialConsent ?? 0
    await world.sim.admin.resetCounters()
    const tooEarly = await browser.send('POST', '/api/connect', {
      kind: 'ais',
      bankId: daysBank?.id,
      consent: {
        transactionFromDateTime: new Date(clock.now() - (days + 2) * DAY_MS).toISOString(),
      },
    })
    expect(tooEarly.status).toBe(400)
    const { error } = errorBodySchema.parse(await tooEarly.json())
    expect(error.code).toBe('transaction_from_too_early')
    const named = Date.parse(error.earliestTransactionFrom ?? '')
    expect(named).toBeGreaterThanOrEqual(clock.now() - days * DAY_MS)
    expect((await world.sim.admin.counters()).par ?? 0).toBe(0)

    const inside = await browser.send('POST', '/api/connect', {
      kind: 'ais',
      bankId: daysBank?.id,
      consent: {
        transactionFromDateTime: new Date(clock.now() - (days - 2) * DAY_MS).toISOString(),
      },
    })
    expect(inside.status, await inside.clone().text()).toBe(200)
  })

  it('refuses a date before 72 months ago without a bank, with no upstream call at all', async () => {
    const { browser, clock } = bffOverSim(world)
    await world.sim.admin.resetCounters()
    const res = await browser.send('POST', '/api/connect', {
      kind: 'ais',
      oneTime: true,
      consent: { transactionFromDateTime: monthsBefore(clock.now(), 73) },
    })
    expect(res.status).toBe(400)
    const { error } = errorBodySchema.parse(await res.json())
    expect(error.code).toBe('transaction_from_too_early')
    const limit = earliestTransactionFrom(new Date(clock.now()))
    expect(Date.parse(error.earliestTransactionFrom ?? '') - limit.getTime()).toBeLessThan(DAY_MS)
    expect(await upstreamCalls()).toBe(0)
  })
})
