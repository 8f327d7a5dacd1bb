import { approveConsent, denyConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveFlow, PAYMENT } from '../support/payment-flows'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

const SECRET_FIELDS = new Set([
  'code',
  'code_verifier',
  'client_assertion',
  'request',
  'refresh_token',
  'access_token',
  'id_token',
  'assertion',
])

/** Every secret value that crossed the wire between the BFF and the simulator. */
function secretsFrom(wire: readonly string[], extra: readonly string[]): Set<string> {
  const secrets = new Set<string>()
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 8) secrets.add(value)
  }
  for (const entry of wire) {
    try {
      const json = JSON.parse(entry) as unknown
      if (json !== null && typeof json === 'object') {
        // `code` in a JSON body is an error code, not an authorization code.
        for (const [k, v] of Object.entries(json)) if (k !== 'code' && SECRET_FIELDS.has(k)) add(v)
      }
      continue
    } catch {
      // not JSON: a form body
    }
    for (const [k, v] of new URLSearchParams(entry)) if (SECRET_FIELDS.has(k)) add(v)
  }
  extra.forEach(add)
  return secrets
}

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

describe('log canary (docs/security.md L1, P25)', () => {
  it('no token, code, verifier, assertion or cookie value reaches a log line or a response to the browser', async () => {
    const { browser, logs } = bffOverSim(world)
    const extra: string[] = []

    // A whole successful flow, data reads, a second flow that is denied, a replay, logout.
    const started = connectResponseSchema.parse(
      await (await browser.send('POST', '/api/connect', { kind: 'ais' })).json(),
    )
    const back = await approveConsent(started.url, { bankId: MOCK_BANK_ID })
    extra.push(new URL(back).searchParams.get('code') ?? '')
    await browser.navigate(callbackPath(back))
    await browser.navigate(callbackPath(back))
    for (const path of [
      '/api/session',
      '/api/accounts',
      '/api/transactions',
      '/api/connections',
      `/api/flows/${started.flowId}`,
    ]) {
      await browser.get(path)
    }
    const denied = connectResponseSchema.parse(
      await (await browser.send('POST', '/api/connect', { kind: 'ais' })).json(),
    )
    await browser.navigate(callbackPath(await denyConsent(denied.url, { bankId: MOCK_BANK_ID })))
    for (const value of browser.cookies.values()) extra.push(value)
    await browser.send('POST', '/api/logout', {})

    const secrets = secretsFrom(world.wire, extra)
    // The flow really ran: codes, assertions and tokens were exchanged.
    expect(secrets.size).toBeGreaterThanOrEqual(6)
    expect(logs.raw.length).toBeGreaterThan(10)
    const logText = logs.raw.join('\n')
    const browserText = browser.seen.join('\n')
    for (const secret of secrets) {
      expect(logText.includes(secret), `a secret reached the logs: ${secret.slice(0, 6)}…`).toBe(
        false,
      )
      expect(
        browserText.includes(secret),
        `a secret reached the browser: ${secret.slice(0, 6)}…`,
      ).toBe(false)
    }
    // Every log line carries the request id.
    const requestLines = logs.lines.filter((l) => l.msg === 'request')
    expect(requestLines.length).toBeGreaterThan(5)
    for (const line of logs.lines) expect(line.requestId).toEqual(expect.any(String))
    // Security events with reason codes.
    const reasons = new Set(logs.lines.map((l) => l.reason))
    for (const reason of ['login_start', 'login_success', 'logout'])
      expect(reasons).toContain(reason)
    expect(logs.lines.some((l) => l.msg === 'login failure')).toBe(true)
  })

  it('no token, code, verifier, assertion or cookie value reaches a log line or the browser in the payment flows', async () => {
    const { app, browser, logs, clock } = bffOverSim(world)
    const from = world.wire.length
    const extra: string[] = []
    const today = new Date(clock.now()).toISOString().slice(0, 10)

    // A single payment to a new payee, its callback replayed, read back, and refunded in part.
    const paid = await approveFlow(browser, '/api/payments', PAYMENT)
    await browser.navigate(paid.callback)
    extra.push(new URLSearchParams(paid.callback.split('?')[1]).get('code') ?? '')
    const paymentId = paid.flow.result?.paymentId ?? ''
    await browser.get(`/api/payments/${paymentId}`)
    await browser.get('/api/payments')
    await approveFlow(browser, `/api/payments/${paymentId}/refund`, { amount: 100 })
    await approveFlow(browser, '/api/payments', PAYMENT, 'deny')
    // A VRP consent, paid twice with one Idempotency-Key, funds confirmed, revoked.
    const vrp = await approveFlow(browser, '/api/recurring-payments', {
      payee: PAYMENT.payee,
      reference: 'SWEEP',
      validFromDate: today,
      maximumIndividualAmount: 5_000,
      periodicLimits: [{ amount: 20_000, periodType: 'month' }],
      type: ['sweeping'],
      bankId: MOCK_BANK_ID,
    })
    const vrpId = vrp.flow.result?.recurringPaymentId ?? ''
    for (let i = 0; i < 2; i += 1) {
      const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      const res = await app.request(`/api/recurring-payments/${vrpId}/pay`, {
        method: 'POST',
        headers: {
          'X-CSRF': '1',
          Origin: APP_ORIGIN,
          'Content-Type': 'application/json',
          Cookie: cookie,
          'Idempotency-Key': 'canary-key-0000000001',
        },
        body: JSON.stringify({ amount: 1_000, payeeRef: 'SWEEP', payerRef: 'SWEEP' }),
      })
      browser.seen.push(await res.text(), ...[...res.headers].map(([k, v]) => `${k}: ${v}`))
    }
    await browser.send('POST', `/api/recurring-payments/${vrpId}/funds-confirmation`, {
      amount: 1_000,
    })
    await browser.get('/api/recurring-payments')
    await browser.send('DELETE', `/api/recurring-payments/${vrpId}`)
    // A standing order.
    const order = await approveFlow(browser, '/api/standing-orders', {
      payee: PAYMENT.payee,
      reference: 'RENT',
      frequency: { repeat: 'monthly', day: 1 },
      numberOfPayments: 3,
      firstPaymentAmount: 10_000,
      firstPaymentDate: today,
      bankId: MOCK_BANK_ID,
    })
    await browser.get(`/api/standing-orders/${order.flow.result?.standingOrderId ?? ''}`)
    for (const value of browser.cookies.values()) extra.push(value)
    extra.push(...(await world.sim.admin.issuedSecrets()))

    const secrets = secretsFrom(world.wire.slice(from), extra)
    expect(secrets.size).toBeGreaterThanOrEqual(10)
    const logText = logs.raw.join('\n')
    const browserText = browser.seen.join('\n')
    for (const secret of secrets) {
      expect(logText.includes(secret), `a secret reached the logs: ${secret.slice(0, 6)}…`).toBe(
        false,
      )
      expect(
        browserText.includes(secret),
        `a secret reached the browser: ${secret.slice(0, 6)}…`,
      ).toBe(false)
    }
    for (const line of logs.lines) expect(line.requestId).toEqual(expect.any(String))
    const reasons = new Set(logs.lines.map((l) => l.reason))
    for (const reason of ['payment_start', 'payment_authorised', 'vrp_pay', 'vrp_pay_replayed'])
      expect(reasons).toContain(reason)
  })
})
