import { z } from 'zod'

import { MIN_ADMIN_TOKEN_LENGTH } from './admin/admin-token'
import type { SimClient } from './identity/sim-client'
import { isLoopbackHost } from './internal/loopback-host'

/** What the command line starts: listen options, clients (from the environment) and the seed. */
export interface CliConfig {
  host: string
  /** SIM_ALLOW_REMOTE=1: the host may be a non-loopback one. */
  allowRemote: boolean
  /** SIM_ADMIN_TOKEN: the bearer token the admin API requires (required beyond loopback). */
  adminToken: string | undefined
  identityPort: number
  apiPort: number
  /** The default client, or `undefined` when `SIM_CLIENTS_FILE` names the clients instead. */
  defaultClient: SimClient | undefined
  clientsFile: string | undefined
  seed: string | undefined
}

/** A `SIM_*` variable that cannot be used; the message names it, never its value. */
export class CliConfigError extends Error {
  override name = 'CliConfigError'
}

const schema = z.object({
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_IDENTITY_PORT: z.coerce.number().int().min(0).max(65535).default(8790),
  SIM_API_PORT: z.coerce.number().int().min(0).max(65535).default(8791),
  SIM_CLIENT_ID: z.string().min(1).default('mhkit-dev'),
  // The app's name on the bank pages (the registration's `client_name`).
  SIM_CLIENT_NAME: z.string().min(1).max(100).optional(),
  SIM_CLIENT_JWKS_URI: z.url().default('http://localhost:8787/.well-known/jwks.json'),
  SIM_REDIRECT_URIS: z
    .string()
    .default('http://localhost:5173/api/callback,http://127.0.0.1:5173/api/callback'),
  // Moneyhub signs ID tokens with the registered alg only (no negotiation), so this must equal
  // the BFF's MONEYHUB_ID_TOKEN_ALG; `pnpm dev` sets that to PS256, the default here.
  SIM_ID_TOKEN_ALG: z.enum(['PS256', 'ES256', 'RS256']).default('PS256'),
  SIM_CLIENTS_FILE: z.string().min(1).optional(),
  SIM_SEED: z.string().min(1).optional(),
  // Binding beyond loopback must be asked for explicitly (see readCliConfig).
  SIM_ALLOW_REMOTE: z.enum(['0', '1']).default('0'),
  SIM_ADMIN_TOKEN: z.string().min(MIN_ADMIN_TOKEN_LENGTH).optional(),
})

/**
 * Read the simulator command line's configuration from `SIM_*` environment variables (the
 * table in the package README). The default client is Moneyhub-style: `private_key_jwt` with
 * keys at `SIM_CLIENT_JWKS_URI` (the BFF's), PS256 request objects and `SIM_ID_TOKEN_ALG` ID
 * tokens. A non-loopback `SIM_HOST` needs `SIM_ALLOW_REMOTE=1` and then `SIM_ADMIN_TOKEN`.
 *
 * @param env - The environment, normally `process.env`.
 * @returns The configuration. Throws {@link CliConfigError} naming the first invalid variable.
 * @see ../README.md
 */
export function readCliConfig(env: Record<string, string | undefined>): CliConfig {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CliConfigError(
      `invalid environment variable ${String(issue?.path[0])}: ${issue?.message ?? ''}`,
    )
  }
  const config = parsed.data
  const allowRemote = config.SIM_ALLOW_REMOTE === '1'
  if (!isLoopbackHost(config.SIM_HOST)) {
    if (!allowRemote) {
      throw new CliConfigError(
        'invalid environment variable SIM_HOST: not a loopback address; the simulator is for dev and test, set SIM_ALLOW_REMOTE=1 to bind it anyway',
      )
    }
    if (config.SIM_ADMIN_TOKEN === undefined) {
      throw new CliConfigError(
        `invalid environment variable SIM_ADMIN_TOKEN: required with a non-loopback SIM_HOST (at least ${String(MIN_ADMIN_TOKEN_LENGTH)} random characters), because the admin API lists live tokens`,
      )
    }
  }
  const defaultClient: SimClient | undefined = config.SIM_CLIENTS_FILE
    ? undefined
    : {
        client_id: config.SIM_CLIENT_ID,
        ...(config.SIM_CLIENT_NAME === undefined ? {} : { client_name: config.SIM_CLIENT_NAME }),
        jwks_uri: config.SIM_CLIENT_JWKS_URI,
        redirect_uris: config.SIM_REDIRECT_URIS.split(',')
          .map((uri) => uri.trim())
          .filter(Boolean),
        token_endpoint_auth_method: 'private_key_jwt',
        request_object_signing_alg: 'PS256',
        id_token_signed_response_alg: config.SIM_ID_TOKEN_ALG,
      }
  return {
    host: config.SIM_HOST,
    allowRemote,
    adminToken: config.SIM_ADMIN_TOKEN,
    identityPort: config.SIM_IDENTITY_PORT,
    apiPort: config.SIM_API_PORT,
    defaultClient,
    clientsFile: config.SIM_CLIENTS_FILE,
    seed: config.SIM_SEED,
  }
}
