import { writeFileSync } from 'node:fs'

/** Where a running simulator answers. */
export interface SimUrls {
  /** `http://127.0.0.1:<identityPort>` — identity REST, bank pages and the `/__sim/` admin API. */
  readonly identityUrl: string
  /** `http://127.0.0.1:<identityPort>/oidc` */
  readonly issuer: string
  /** `http://127.0.0.1:<apiPort>/v3` */
  readonly apiUrl: string
}

/** The one OAuth client the simulator registers for the BFF. */
export interface SimClientSpec {
  readonly clientId: string
  readonly redirectUri: string
  /** The BFF's public keys (PS256), registered inline. */
  readonly publicJwks: { keys: Record<string, string>[] }
}

/**
 * Writes the simulator's client registration and builds its environment (the `SIM_*`
 * variables read by sim/src/main.ts) for a run on the given loopback ports.
 *
 * The client's public keys are registered inline (`jwks`) through `SIM_CLIENTS_FILE` rather
 * than as a `jwks_uri`: the simulator then needs nothing from the BFF, so the two can start in
 * any order (and the simulator's `jwks_uri` fetch is not exercised here).
 *
 * @param input - ports, the client, the file to write the registration to, an optional seed
 * @returns the environment and the URLs the simulator will answer on
 */
export function simClientEnv(input: {
  identityPort: number
  apiPort: number
  client: SimClientSpec
  clientsFile: string
  seed?: string
}): { env: Record<string, string>; urls: SimUrls } {
  const identityUrl = `http://127.0.0.1:${input.identityPort}`
  const registration = {
    client_id: input.client.clientId,
    client_name: 'Connect Kit demo',
    jwks: input.client.publicJwks,
    redirect_uris: [input.client.redirectUri],
    token_endpoint_auth_method: 'private_key_jwt',
    request_object_signing_alg: 'PS256',
    // Moneyhub's documented default, which is also what the BFF expects unless told otherwise.
    id_token_signed_response_alg: 'RS256',
  }
  writeFileSync(input.clientsFile, JSON.stringify([registration], null, 2))
  const env: Record<string, string> = {
    SIM_HOST: '127.0.0.1',
    SIM_IDENTITY_PORT: String(input.identityPort),
    SIM_API_PORT: String(input.apiPort),
    SIM_CLIENTS_FILE: input.clientsFile,
  }
  if (input.seed !== undefined) env.SIM_SEED = input.seed
  return {
    env,
    urls: {
      identityUrl,
      issuer: `${identityUrl}/oidc`,
      apiUrl: `http://127.0.0.1:${input.apiPort}/v3`,
    },
  }
}
