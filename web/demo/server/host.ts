#!/usr/bin/env node
/**
 * The demo's host server: a stand-in for the app a bank or fintech already has, with its own
 * (demo) sign-in, mounting the BFF at `/api` with a `userBinding` that stores the Moneyhub user
 * against the host's user (bff/README.md "userBinding"). Configured by the same environment as
 * the standalone BFF (`bff/.env.example`); `pnpm dev` runs it in the BFF's place.
 */
import { createBff, EnvError, loadConfig, type Store } from '@mhkit/bff'
import { serveBff } from '@mhkit/bff/node'
import { createHostAccounts } from './host-accounts'
import { createHostApp } from './host-app'
import { hostUserBinding } from './host-user-binding'

function fail(message: string): never {
  process.stderr.write(`demo-host: ${message}\n`)
  process.exit(1)
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (error) {
    fail(`invalid configuration: ${error instanceof Error ? error.message : String(error)}`)
  }
  // The accounts live in the BFF's store, which exists once the BFF (built with the binding
  // that reads the accounts) does.
  const opened: { store?: Store } = {}
  const accounts = createHostAccounts(() => {
    if (opened.store === undefined) throw new Error('the BFF store is not open yet')
    return opened.store
  })
  let bff: Awaited<ReturnType<typeof createBff>>
  try {
    bff = await createBff({ ...config, userBinding: hostUserBinding(accounts) })
  } catch (error) {
    if (error instanceof EnvError) fail(`invalid configuration: ${error.message}`)
    fail(`cannot start: ${error instanceof Error ? error.message : String(error)}`)
  }
  opened.store = bff.store
  const host = createHostApp({ bff, accounts, appOrigin: new URL(config.appOrigin).origin })
  const served = serveBff({ ...bff, fetch: host.fetch }, { host: config.host, port: config.port })
  served.server.once('error', (error: NodeJS.ErrnoException) => {
    fail(
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is in use: set PORT to a free port`
        : `cannot listen: ${error.message}`,
    )
  })
  const address = await served.listening
  bff.logger.info(
    { host: address.address, port: address.port, store: config.sessionStore },
    'demo host listening (BFF mounted at /api, demo sign-in at /api/demo-auth)',
  )
  const shutdown = () => {
    void served.close().finally(() => process.exit(0))
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

void main()
