/**
 * The boot path of `src/server.ts`: a missing or malformed configuration stops the process
 * with exit code 1 and one line on stderr naming the variable (README "Configuration").
 * Each case exits before any store is opened or port bound.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const BFF_DIR = fileURLToPath(new URL('../..', import.meta.url))
const JWK = '{"kty":"EC","crv":"P-256","x":"x","y":"y","d":"not-a-real-private-part"}'

interface Exit {
  code: number | null
  stderr: string
  stdout: string
}

/** Runs the server entry point with exactly `env` (plus PATH); kills it after 60 s. */
function boot(env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: BFF_DIR,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    // A guard against a server that unexpectedly starts; not a timing assertion.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(guard)
      resolve({ code, stderr, stdout })
    })
  })
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

describe('boot with a bad configuration', () => {
  it('runs as production with NODE_ENV unset: no session key is generated, it exits 1 naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mhkit-boot-'))
    try {
      const exit = await boot({
        MONEYHUB_CLIENT_ID: 'client-1',
        MONEYHUB_PRIVATE_KEY: JWK,
        APP_ORIGIN: 'https://app.example.com',
        SQLITE_PATH: join(dir, 'bff.sqlite'),
        PORT: '0',
      })
      expect(exit.code).toBe(1)
      expect(lines(exit.stderr)).toHaveLength(1)
      expect(exit.stderr).toMatch(
        /^mhkit-bff: invalid configuration: SESSION_ENCRYPTION_KEY: is required in production/,
      )
      expect(readdirSync(dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)

  it('an empty environment exits 1 with one stderr line naming MONEYHUB_CLIENT_ID', async () => {
    const exit = await boot({})
    expect(exit.code).toBe(1)
    expect(lines(exit.stderr)).toEqual([
      'mhkit-bff: invalid configuration: MONEYHUB_CLIENT_ID: is required but missing',
    ])
    expect(exit.stdout).toBe('')
  }, 90_000)

  it('a malformed value exits 1 with one stderr line naming that variable', async () => {
    const exit = await boot({
      MONEYHUB_CLIENT_ID: 'client-1',
      MONEYHUB_PRIVATE_KEY: JWK,
      APP_ORIGIN: 'https://app.example.com',
      PORT: '70000',
    })
    expect(exit.code).toBe(1)
    expect(lines(exit.stderr)).toEqual([
      'mhkit-bff: invalid configuration: PORT: must be an integer 0..65535',
    ])
  }, 90_000)

  it('a key that does not load exits 1 with one stderr line and no key material', async () => {
    const exit = await boot({
      NODE_ENV: 'test',
      MONEYHUB_CLIENT_ID: 'client-1',
      MONEYHUB_PRIVATE_KEY: JWK,
      APP_ORIGIN: 'https://app.example.com',
      SESSION_STORE: 'memory',
      PORT: '0',
      LOG_LEVEL: 'silent',
    })
    expect(exit.code).toBe(1)
    const [line, ...rest] = lines(exit.stderr)
    expect(rest).toEqual([])
    expect(line).toMatch(/^mhkit-bff: invalid configuration: MONEYHUB_PRIVATE_KEY: /)
    expect(line).not.toContain('not-a-real-private-part')
  }, 90_000)
})
