#!/usr/bin/env node
/**
 * The standalone server (`mhkit-bff`, `pnpm --filter @mhkit/bff start`): reads the
 * configuration from the environment, builds the BFF with `createBff` and serves it until
 * SIGINT or SIGTERM. `scripts/dev.mjs` runs it wired to the simulator.
 * `mhkit-bff keygen [PS256|ES256]` prints a new private signing key (a JWK) instead.
 */
import { createBff, type Bff } from './create-bff'
import { generateClientKey } from './moneyhub'
import { EnvError, loadEnv } from './env'
import { serveBff } from './node'

function fail(message: string): never {
  process.stderr.write(`mhkit-bff: ${message}\n`)
  process.exit(1)
}

async function main(): Promise<void> {
  const config = loadEnv()
  let bff: Bff
  try {
    bff = await createBff(config)
  } catch (error) {
    if (error instanceof EnvError) fail(`invalid configuration: ${error.message}`)
    fail(`cannot start: ${error instanceof Error ? error.message : String(error)}`)
  }
  const { logger } = bff
  process.on('unhandledRejection', (reason) => {
    // Fail closed: an unexpected rejection means state we cannot trust.
    logger.fatal({ err: reason }, 'unhandled rejection')
    process.exit(1)
  })

  const served = serveBff(bff, { host: config.host, port: config.port })
  served.server.once('error', (error: NodeJS.ErrnoException) => {
    fail(
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is in use: set PORT to a free port`
        : `cannot listen: ${error.message}`,
    )
  })
  const address = await served.listening
  logger.info(
    {
      host: address.address,
      port: address.port,
      store: config.sessionStore,
      issuer: config.moneyhub.issuer,
      rateLimitMultiplier: config.rateLimitMultiplier,
      ...(config.staticDir === undefined ? {} : { staticDir: config.staticDir }),
    },
    'bff listening',
  )

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    logger.info({ signal }, 'bff stopping')
    void served.close().finally(() => process.exit(0))
    // Busy keep-alive sockets would hold close() open; do not wait on them forever.
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

const USAGE = `usage: mhkit-bff            serve the BFF, configured by environment variables
       mhkit-bff keygen     print a new private signing key (JWK, PS256; or keygen ES256)
`

async function keygen(alg: string | undefined): Promise<void> {
  if (alg !== undefined && alg !== 'PS256' && alg !== 'ES256') fail('keygen takes PS256 or ES256')
  // To stdout only, for MONEYHUB_PRIVATE_KEY or a file behind MONEYHUB_PRIVATE_KEY_FILE.
  process.stdout.write(`${JSON.stringify(await generateClientKey(alg ?? 'PS256'))}\n`)
}

const [command, argument] = process.argv.slice(2)
if (command === 'keygen') void keygen(argument)
else if (command === undefined) void main()
else if (command === '--help' || command === '-h') process.stdout.write(USAGE)
else fail(`unknown command "${command.slice(0, 40)}"\n${USAGE}`)
