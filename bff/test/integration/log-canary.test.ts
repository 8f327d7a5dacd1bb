import { approveConsent, denyConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

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

describe('log canary (checklist L1, Decision 2)', () => {
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
})
