import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { humanDate } from '../src/identity/human-date'
import { approveConsent, MOCK_BANK_ID, SIM_BANKS } from '../src/index'
import {
  call,
  clientToken,
  finish,
  openConsentPage,
  pushSigned,
  startWithClient,
  type TestClient,
} from './oauth-client'

let t: TestClient

beforeAll(async () => {
  t = await startWithClient()
})
afterAll(async () => {
  await t.sim.close()
})

const DAY_MS = 86_400_000
const daysBank = SIM_BANKS.find((bank) => bank.daysInitialConsent !== undefined)

function monthsAgo(months: number): string {
  const date = new Date()
  date.setUTCMonth(date.getUTCMonth() - months)
  return date.toISOString()
}

function aisClaims(transactionFromDateTime?: string) {
  return {
    id_token: {
      sub: { essential: true },
      'mh:con_id': { essential: true },
      ...(transactionFromDateTime === undefined
        ? {}
        : { 'mh:consent': { essential: true, value: { transactionFromDateTime } } }),
    },
  }
}

/** PAR for one bank; the error code when the simulator refuses it. */
async function parError(bankId: string, from: string): Promise<string | undefined> {
  try {
    await pushSigned(t, { scope: `openid id:${bankId} accounts:read`, claims: aisClaims(from) })
    return undefined
  } catch (error) {
    return (error as { error?: string }).error ?? String(error)
  }
}

describe('bank history limits (docs/moneyhub-protocol.md §4.3, §9.8)', () => {
  it('lists a bank limited in days with daysInitialConsent and no monthsInitialConsent', async () => {
    expect(daysBank).toBeDefined()
    const banks = await call(`${t.sim.issuer}/.well-known/api-connections`, undefined)
    const entry = (banks.body as Record<string, unknown>[]).find((b) => b.id === daysBank?.id)
    expect(entry).toMatchObject({ daysInitialConsent: daysBank?.daysInitialConsent })
    expect(entry).not.toHaveProperty('monthsInitialConsent')
  })

  it('refuses a transactionFromDateTime before the named bank allows, instead of clamping it', async () => {
    // The mock bank gives 24 months.
    expect(await parError(MOCK_BANK_ID, monthsAgo(30))).toBe('invalid_request')
    expect(await parError(MOCK_BANK_ID, monthsAgo(23))).toBeUndefined()
  })

  it('refuses a transactionFromDateTime before a daysInitialConsent limit', async () => {
    const days = daysBank?.daysInitialConsent ?? 0
    const id = daysBank?.id ?? ''
    const tooEarly = new Date(Date.now() - (days + 10) * DAY_MS).toISOString()
    const allowed = new Date(Date.now() - (days - 10) * DAY_MS).toISOString()
    expect(await parError(id, tooEarly)).toBe('invalid_request')
    expect(await parError(id, allowed)).toBeUndefined()
  })

  it('ends the flow with invalid_request when a bank picked in the chooser allows less history', async () => {
    const flow = await pushSigned(t, {
      scope: 'openid id:test accounts:read',
      claims: aisClaims(monthsAgo(30)),
    })
    const back = new URL(await approveConsent(flow.authUrl, { bankId: MOCK_BANK_ID }))
    expect(back.searchParams.get('error')).toBe('invalid_request')
    expect(back.searchParams.get('code')).toBeNull()
  })

  it('starts a days-limited connection daysInitialConsent back and serves no older transactions', async () => {
    const days = daysBank?.daysInitialConsent ?? 0
    const flow = await pushSigned(t, {
      scope: `openid offline_access id:${daysBank?.id ?? ''} accounts:read transactions:read:all`,
      claims: aisClaims(),
    })
    const page = await openConsentPage(flow.authUrl)
    const earliest = new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10)
    // The page writes the date in words (issue 13: dates a person reads).
    expect(page.html).toContain(`<dd>${humanDate(earliest)}</dd>`)

    const { claims } = await finish(
      t,
      flow,
      await approveConsent(page.url, { cookieJar: page.jar }),
    )
    const token = await clientToken(t, 'accounts:read transactions:read:all', claims.sub)
    const res = await call(`${t.sim.apiUrl}/transactions?limit=1000`, token)
    expect(res.status).toBe(200)
    const dates = (res.body as { data: { date: string }[] }).data.map((tx) => tx.date)
    expect(dates.length).toBeGreaterThan(0)
    expect(dates.every((date) => date.slice(0, 10) >= earliest)).toBe(true)
  })
})
