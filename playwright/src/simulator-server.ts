import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort } from './free-port'

/** How the simulator knows your BFF's client: its JWKS URL, or its public keys inline. */
export type SimulatorClient = {
  /** Default `mhkit-dev`. */
  readonly clientId?: string
  /** Your app's name as people see it on the bank pages (default: the client id). */
  readonly name?: string
  /** Your BFF's redirect URI, e.g. `http://localhost:5173/api/callback`. */
  readonly redirectUri: string
} & (
  | {
      /** Your BFF's `/.well-known/jwks.json`, fetched when it first authenticates. */ readonly jwksUri: string
    }
  | {
      /** Public keys, e.g. `generateClientKey().publicJwks`. */ readonly publicJwks: {
        keys: object[]
      }
    }
)

/** Options of {@link simulatorServer}. */
export interface SimulatorServerOptions {
  readonly client: SimulatorClient
  /** Identity service port (default: a free one, kept in `MHKIT_SIM_IDENTITY_PORT`). */
  readonly identityPort?: number
  /** Data API port (default: a free one, kept in `MHKIT_SIM_API_PORT`). */
  readonly apiPort?: number
  /** Seed of the generated bank data (default `mhkit`), for stable fixtures. */
  readonly seed?: string
  /** How long Playwright waits for the simulator to answer (default 60 s). */
  readonly timeout?: number
}

/** A Playwright `webServer` entry for the simulator, and what your BFF and tests need. */
export interface SimulatorServer {
  /** Put this in `webServer` (before your BFF's entry: the BFF discovers the issuer at boot). */
  readonly webServer: {
    command: string
    url: string
    env: Record<string, string>
    reuseExistingServer: boolean
    timeout: number
    stdout: 'pipe'
    stderr: 'pipe'
  }
  /** Environment for your BFF (`mhkit-bff` or `loadConfig`): issuer, API URLs, client id. */
  readonly bffEnv: Record<string, string>
  /** The simulator's URLs. */
  readonly urls: { readonly issuer: string; readonly identityUrl: string; readonly apiUrl: string }
  /** Spread into `use` so the `simAdmin` fixture finds this simulator. */
  readonly use: { readonly simulatorUrl: string }
}

function simulatorMain(): string {
  // The command-line entry sits next to the package's main module in its build.
  return join(dirname(fileURLToPath(import.meta.resolve('@mhkit/sim'))), 'main.js')
}

/**
 * Describes the Moneyhub simulator as a Playwright `webServer`, on free loopback ports (or the
 * ones you choose), with your BFF's client registered. ID tokens are signed RS256 (Moneyhub's
 * default), which `bffEnv` tells the BFF.
 *
 * @example
 * ```ts
 * const sim = simulatorServer({
 *   client: { redirectUri: 'http://localhost:5173/api/callback', jwksUri: 'http://127.0.0.1:8787/.well-known/jwks.json' },
 * })
 * export default defineConfig({
 *   use: { baseURL: 'http://localhost:5173', ...sim.use },
 *   webServer: [sim.webServer, { command: 'npx mhkit-bff', env: { ...sim.bffEnv, ... }, url: ... }],
 * })
 * ```
 */
export function simulatorServer(options: SimulatorServerOptions): SimulatorServer {
  const identityPort = options.identityPort ?? freePort('MHKIT_SIM_IDENTITY_PORT')
  const apiPort = options.apiPort ?? freePort('MHKIT_SIM_API_PORT')
  const identityUrl = `http://127.0.0.1:${identityPort}`
  const urls = {
    issuer: `${identityUrl}/oidc`,
    identityUrl,
    apiUrl: `http://127.0.0.1:${apiPort}/v3`,
  }
  const clientId = options.client.clientId ?? 'mhkit-dev'
  const env: Record<string, string> = {
    SIM_HOST: '127.0.0.1',
    SIM_IDENTITY_PORT: String(identityPort),
    SIM_API_PORT: String(apiPort),
    SIM_SEED: options.seed ?? 'mhkit',
  }
  if ('jwksUri' in options.client) {
    Object.assign(env, {
      SIM_CLIENT_ID: clientId,
      SIM_CLIENT_JWKS_URI: options.client.jwksUri,
      ...(options.client.name === undefined ? {} : { SIM_CLIENT_NAME: options.client.name }),
      SIM_REDIRECT_URIS: options.client.redirectUri,
      SIM_ID_TOKEN_ALG: 'RS256',
    })
  } else {
    const file = join(mkdtempSync(join(tmpdir(), 'mhkit-sim-')), 'clients.json')
    const registration = {
      client_id: clientId,
      ...(options.client.name === undefined ? {} : { client_name: options.client.name }),
      jwks: options.client.publicJwks,
      redirect_uris: [options.client.redirectUri],
      token_endpoint_auth_method: 'private_key_jwt',
      request_object_signing_alg: 'PS256',
      id_token_signed_response_alg: 'RS256',
    }
    writeFileSync(file, JSON.stringify([registration]))
    env.SIM_CLIENTS_FILE = file
  }
  return {
    webServer: {
      command: `"${process.execPath}" "${simulatorMain()}"`,
      url: `${urls.issuer}/.well-known/openid-configuration`,
      env,
      reuseExistingServer: false,
      timeout: options.timeout ?? 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    bffEnv: {
      MONEYHUB_ISSUER: urls.issuer,
      MONEYHUB_API_URL: urls.apiUrl,
      MONEYHUB_IDENTITY_URL: urls.identityUrl,
      MONEYHUB_CLIENT_ID: clientId,
      MONEYHUB_ID_TOKEN_ALG: 'RS256',
    },
    urls,
    use: { simulatorUrl: identityUrl },
  }
}
