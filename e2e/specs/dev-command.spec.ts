import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { createBankDriver } from '@mhkit/playwright'
import { connectByRedirect, MOCK_BANK } from '../support/journeys'
import { freePort } from '../support/ports'
import { repoRoot } from '../support/stack'

/** Everything the command printed so far, stdout and stderr interleaved. */
function collectOutput(child: ChildProcess): { text: string } {
  const output = { text: '' }
  const onData = (chunk: Buffer) => (output.text += chunk.toString('utf8'))
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  return output
}

/** Waits for a line of `pnpm dev`'s output that matches, or fails with the output so far. */
function waitForOutput(child: ChildProcess, pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      reject(new Error(`pnpm dev did not print ${String(pattern)} in ${ms} ms:\n${output}`))
    }, ms)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = pattern.exec(output)
      if (match !== null) {
        clearTimeout(timer)
        resolve(match[1] ?? match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`pnpm dev exited (${String(code)}) before it was ready:\n${output}`))
    })
  })
}

// The README's first command, as a newcomer runs it: the simulator, the BFF wired to it and
// the demo, with no configuration beyond free ports, then a bank connected in the page it
// names. It writes its dev keys under .data/ (git-ignored) as it does on a fresh machine.
test('`pnpm dev` is ready once every service answers, a bank connects through it, and Ctrl-C ends it quietly', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const [demo, bff, identity, api] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ])
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-dev-command-'))
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'dev.mjs')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      APP_ORIGIN: `http://localhost:${demo}`,
      PORT: String(bff),
      SIM_IDENTITY_PORT: String(identity),
      SIM_API_PORT: String(api),
      SQLITE_PATH: join(dir, 'bff.sqlite'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const output = collectOutput(child)
  try {
    const url = await waitForOutput(child, /ready: open (http:\/\/\S+)/, 120_000)
    expect(url).toBe(`http://localhost:${demo}`)
    // "ready" means every service answers: the simulator's discovery and the BFF's readiness.
    const discovery = await fetch(
      `http://127.0.0.1:${identity}/oidc/.well-known/openid-configuration`,
    )
    expect(discovery.status).toBe(200)
    expect((await fetch(`http://127.0.0.1:${bff}/readyz`)).status).toBe(200)
    await page.goto(url)
    await connectByRedirect(page, createBankDriver(page), MOCK_BANK)

    // Ctrl-C: the terminal sends SIGINT to the command's process group. It ends quietly.
    const before = output.text.length
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    process.kill(-(child.pid ?? 0), 'SIGINT')
    expect(await exited).toBe(0)
    const after = output.text.slice(before)
    expect(after).not.toMatch(/ERR_PNPM|ELIFECYCLE|Error|exited \(/)
  } finally {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      // dev.mjs stops the simulator, the BFF and the demo (each in its own group) on SIGTERM.
      process.kill(-child.pid, 'SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
})
