import { readFileSync } from 'node:fs'
import { z } from 'zod'

import { startSimulator } from './server'
import type { SimClient } from './identity/sim-client'

// The command-line entry point: the only place that reads the environment.
const env = z
  .object({
    SIM_HOST: z.string().min(1).default('127.0.0.1'),
    SIM_IDENTITY_PORT: z.coerce.number().int().min(0).max(65535).default(8790),
    SIM_API_PORT: z.coerce.number().int().min(0).max(65535).default(8791),
    SIM_CLIENT_ID: z.string().min(1).default('mhkit-dev'),
    SIM_CLIENT_JWKS_URI: z.url().default('http://localhost:8787/.well-known/jwks.json'),
    SIM_REDIRECT_URIS: z
      .string()
      .default('http://localhost:5173/api/callback,http://127.0.0.1:5173/api/callback'),
    SIM_CLIENTS_FILE: z.string().min(1).optional(),
    SIM_SEED: z.string().min(1).optional(),
  })
  .safeParse(process.env)

if (!env.success) {
  const issue = env.error.issues[0]
  console.error(
    `sim: invalid environment variable ${String(issue?.path[0])}: ${issue?.message ?? ''}`,
  )
  process.exit(1)
}

const config = env.data
let clients: SimClient[]
if (config.SIM_CLIENTS_FILE) {
  try {
    clients = JSON.parse(readFileSync(config.SIM_CLIENTS_FILE, 'utf8')) as SimClient[]
    if (!Array.isArray(clients)) throw new TypeError('the file must hold a JSON array of clients')
  } catch (error) {
    console.error(
      `sim: cannot read SIM_CLIENTS_FILE: ${error instanceof Error ? error.message : ''}`,
    )
    process.exit(1)
  }
} else {
  clients = [
    {
      client_id: config.SIM_CLIENT_ID,
      jwks_uri: config.SIM_CLIENT_JWKS_URI,
      redirect_uris: config.SIM_REDIRECT_URIS.split(',')
        .map((uri) => uri.trim())
        .filter(Boolean),
      token_endpoint_auth_method: 'private_key_jwt',
      request_object_signing_alg: 'PS256',
      id_token_signed_response_alg: 'PS256',
    },
  ]
}

const simulator = await startSimulator({
  host: config.SIM_HOST,
  identityPort: config.SIM_IDENTITY_PORT,
  apiPort: config.SIM_API_PORT,
  clients,
  ...(config.SIM_SEED ? { seed: config.SIM_SEED } : {}),
})

console.log(`Moneyhub simulator
  issuer:    ${simulator.issuer}
  discovery: ${simulator.issuer}/.well-known/openid-configuration
  identity:  ${simulator.identityUrl}
  data API:  ${simulator.apiUrl}
  admin:     ${simulator.identityUrl}/__sim/counters
  clients:   ${clients.map((client) => client.client_id).join(', ')}`)

const stop = () => {
  void simulator.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
