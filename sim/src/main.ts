#!/usr/bin/env node
import { readFileSync } from 'node:fs'

import { readCliConfig, type CliConfig } from './cli-config'
import { startSimulator } from './server'
import type { SimClient } from './identity/sim-client'

// The command-line entry point: the only place that reads the environment.
let config: CliConfig
try {
  config = readCliConfig(process.env)
} catch (error) {
  console.error(`sim: ${error instanceof Error ? error.message : 'invalid environment'}`)
  process.exit(1)
}

let clients: SimClient[]
if (config.clientsFile) {
  try {
    clients = JSON.parse(readFileSync(config.clientsFile, 'utf8')) as SimClient[]
    if (!Array.isArray(clients)) throw new TypeError('the file must hold a JSON array of clients')
  } catch (error) {
    console.error(
      `sim: cannot read SIM_CLIENTS_FILE: ${error instanceof Error ? error.message : ''}`,
    )
    process.exit(1)
  }
} else {
  clients = config.defaultClient ? [config.defaultClient] : []
}

const simulator = await startSimulator({
  host: config.host,
  allowRemote: config.allowRemote,
  ...(config.adminToken === undefined ? {} : { adminToken: config.adminToken }),
  identityPort: config.identityPort,
  apiPort: config.apiPort,
  clients,
  ...(config.seed ? { seed: config.seed } : {}),
})

console.log(`Moneyhub simulator
  issuer:    ${simulator.issuer}
  discovery: ${simulator.issuer}/.well-known/openid-configuration
  identity:  ${simulator.identityUrl}
  data API:  ${simulator.apiUrl}
  admin:     ${simulator.identityUrl}/__sim/counters${config.adminToken === undefined ? '' : ' (Bearer SIM_ADMIN_TOKEN)'}
  clients:   ${clients
    .map(
      (client) =>
        `${client.client_id} (ID tokens ${client.id_token_signed_response_alg ?? 'PS256'})`,
    )
    .join(', ')}`)

const stop = () => {
  void simulator.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
