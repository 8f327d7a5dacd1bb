/**
 * What every fault drill starts from: its own simulator (real `oidc-provider`, in this
 * process, so faults and counters of one drill never touch another), a client key registered
 * there, the BFF environment that points at it, and a cookie-keeping browser over real HTTP.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { approveConsent, MOCK_BANK_ID, startSimulator, type RunningSimulator } from '@mhkit/sim'
import { connectResponseSchema } from '@mhkit/shared'

import { generateClientKey, loadClientKeys } from '../src/moneyhub'
import { TestBrowser } from '../test/support/browser'

/** The app origin every drill's BFF is configured with (never served; the Origin header). */
const APP_ORIGIN = 'http://localhost:5999'
const CLIENT_ID = 'mhkit-faults'

/** A drill's simulator, temporary directory and BFF environment. */
export interface DrillWorld {
  sim: RunningSimulator
  dir: string
  /** The BFF environment for this simulator; add the store variables. */
  env: Record<string, string>
  /** A browser that sends its requests to whatever `target()` answers at call time. */
  browser(target: () => string): TestBrowser
  close(): Promise<void>
}

/** Starts a drill's simulator and builds the BFF environment for it. */
export async function startWorld(): Promise<DrillWorld> {
  const jwk = await generateClientKey('PS256')
  const keys = await loadClientKeys({ jwk })
  const redirectUri = `${APP_ORIGIN}/api/callback`
  const sim = await startSimulator({
    clients: [
      {
        client_id: CLIENT_ID,
        jwks: { keys: keys.all.map((k) => k.publicJwk) },
        redirect_uris: [redirectUri],
        request_object_signing_alg: 'PS256',
        id_token_signed_response_alg: 'PS256',
      },
    ],
  })
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-faults-'))
  const env = {
    MONEYHUB_ISSUER: sim.issuer,
    MONEYHUB_API_URL: sim.apiUrl,
    MONEYHUB_IDENTITY_URL: sim.identityUrl,
    MONEYHUB_CLIENT_ID: CLIENT_ID,
    MONEYHUB_PRIVATE_KEY: JSON.stringify(jwk),
    MONEYHUB_REDIRECT_URI: redirectUri,
    MONEYHUB_ID_TOKEN_ALG: 'PS256',
    APP_ORIGIN,
    // One key for every instance of a drill: they open each other's sealed values.
    SESSION_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    // All drill traffic comes from one loopback address.
    RATE_LIMIT_MULTIPLIER: '100',
  }
  return {
    sim,
    dir,
    env,
    browser: (target) =>
      new TestBrowser(
        (path, init) => fetch(`${target()}${path}`, { ...init, redirect: 'manual' }),
        APP_ORIGIN,
      ),
    close: async () => {
      await sim.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Starts a connect flow and approves it at the simulator's bank page.
 *
 * @returns the flow id and the callback's path and query
 */
export async function startApprovedFlow(
  browser: TestBrowser,
): Promise<{ flowId: string; callback: string }> {
  const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
  if (res.status !== 200) throw new Error(`connect answered ${res.status}`)
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  const back = new URL(await approveConsent(url, { bankId: MOCK_BANK_ID }))
  return { flowId, callback: `${back.pathname}${back.search}` }
}

/** The status of a flow as the browser reads it (`pending`, `succeeded`, `failed`). */
export async function flowStatus(
  browser: TestBrowser,
  flowId: string,
): Promise<{ status: string; code?: string }> {
  const res = await browser.get(`/api/flows/${flowId}`)
  const body = (await res.json()) as { status?: string; error?: { code: string } }
  return {
    status: body.status ?? `http ${res.status}`,
    ...(body.error ? { code: body.error.code } : {}),
  }
}

/** Whether the browser's session is signed in. */
export async function signedIn(browser: TestBrowser): Promise<boolean> {
  const res = await browser.get('/api/session')
  return res.status === 200 && ((await res.json()) as { authenticated: boolean }).authenticated
}

/** Waits `ms` (a pause between polls, never an assertion). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
