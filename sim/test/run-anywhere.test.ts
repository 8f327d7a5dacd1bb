import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const simEntry = fileURLToPath(new URL('../src/index.ts', import.meta.url))

describe('running the simulator in-process from another package', () => {
  it('renders the bank pages when tsx compiles it under a tsconfig without JSX settings', () => {
    // Other packages (the BFF's scripts, app developers' test setups) start the simulator
    // in-process with tsx from their own folder; the bank pages must not depend on sim's
    // tsconfig for their JSX runtime. tsx reads the tsconfig of its working directory: the
    // repository root's has no JSX settings.
    const dir = mkdtempSync(join(tmpdir(), 'sim-run-anywhere-'))
    try {
      const script = join(dir, 'drive.mts')
      writeFileSync(
        script,
        `import { approveConsent, startSimulator } from ${JSON.stringify(simEntry)}
const redirect = 'http://localhost:9/cb'
const sim = await startSimulator({
  identityPort: 0,
  apiPort: 0,
  clients: [
    {
      client_id: 'anywhere',
      client_secret: 'a-long-enough-test-secret-value-0123456789',
      token_endpoint_auth_method: 'client_secret_basic',
      request_object_signing_alg: 'none',
      redirect_uris: [redirect],
    },
  ],
})
try {
  const auth = new URL(sim.issuer + '/auth')
  for (const [k, v] of Object.entries({
    client_id: 'anywhere', response_type: 'code', scope: 'openid id:all', redirect_uri: redirect,
    state: 'state-0123456789abcdef', nonce: 'nonce-0123456789abcdef', prompt: 'consent',
    claims: JSON.stringify({ id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }),
  })) auth.searchParams.set(k, v)
  // Bank chooser and consent page (server-rendered JSX), then the redirect back with a code.
  const back = new URL(await approveConsent(auth.href))
  console.log(JSON.stringify({ code: back.searchParams.has('code') }))
} finally {
  await sim.close()
}
`,
      )
      const run = spawnSync('pnpm', ['exec', 'tsx', script], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(run.status, run.stderr).toBe(0)
      const last = run.stdout.trim().split('\n').at(-1) ?? ''
      expect(JSON.parse(last)).toEqual({ code: true })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})
