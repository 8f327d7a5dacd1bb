import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

import { expect, test } from '@playwright/test'

import { generateClientKey } from '@mhkit/playwright'
import { freePort } from '../support/ports'
import { startService, waitUntilReady } from '../support/service'
import { createSimAdmin } from '../support/sim-admin'
import { simClientEnv } from '../support/sim-env'
import { repoRoot } from '../support/stack'

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx')
const simDir = join(repoRoot, 'sim')

// The simulator's command line as the stack runs it, with SIM_ADMIN_TOKEN: the admin API (which
// lists live token values) answers only the e2e admin client that sends the token.
test('the simulator started with SIM_ADMIN_TOKEN serves its admin API only with that token', async () => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-sim-admin-'))
  const [identityPort, apiPort] = await Promise.all([freePort(), freePort()])
  const { env, urls } = simClientEnv({
    identityPort,
    apiPort,
    client: {
      clientId: 'mhkit-e2e',
      redirectUri: 'http://localhost:9/api/callback',
      publicJwks: generateClientKey().publicJwks,
    },
    clientsFile: join(dir, 'sim-clients.json'),
  })
  const token = randomBytes(32).toString('base64url')
  const sim = startService({
    name: 'simulator',
    command: tsx,
    args: ['src/main.ts'],
    cwd: simDir,
    env: { ...env, SIM_ADMIN_TOKEN: token },
  })
  try {
    await waitUntilReady(sim, `${urls.issuer}/.well-known/openid-configuration`)
    expect((await fetch(`${urls.identityUrl}/__sim/issued-secrets`)).status).toBe(401)
    await expect(createSimAdmin(urls.identityUrl).counters()).rejects.toThrow(/401/)
    await expect(createSimAdmin(urls.identityUrl, token).counters()).resolves.toBeInstanceOf(Object)
    expect(sim.tail()).not.toContain(token)
  } finally {
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the simulator refuses a non-loopback SIM_HOST unless SIM_ALLOW_REMOTE=1 is set', async () => {
  test.setTimeout(60_000)
  const sim = startService({
    name: 'simulator',
    command: tsx,
    args: ['src/main.ts'],
    cwd: simDir,
    env: { SIM_HOST: '0.0.0.0', SIM_IDENTITY_PORT: '0', SIM_API_PORT: '0' },
  })
  try {
    // Bounded, so a simulator that does start is stopped below rather than left listening.
    const exit = await Promise.race([sim.exited, delay(30_000).then(() => 'still running')])
    expect(exit).toBe(1)
    expect(sim.tail()).toContain('SIM_HOST')
    expect(sim.tail()).toContain('SIM_ALLOW_REMOTE=1')
  } finally {
    await sim.stop()
  }
})
