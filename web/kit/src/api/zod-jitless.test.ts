// @vitest-environment node
/// <reference types="node" />
// Proves the kit never generates code from strings (`new Function`, `eval`), which a strict
// Content-Security-Policy without 'unsafe-eval' reports as a violation. It bundles the BFF
// client with its lazily loaded checks (zod included, split into a chunk as an app's bundler
// does) and runs it in a fresh Node process, where zod's module state is new and
//  - `Function` and `eval` are wrapped to count every use, including zod's caught probe;
//  - `--disallow-code-generation-from-strings` makes any real attempt throw.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { account, FLOW_ID } from '../../test/fixtures'

const work = mkdtempSync(join(tmpdir(), 'mhkit-csp-'))

// Runs in the child process. The counters are installed before the kit is imported.
const runner = `
const counts = { functionCalls: 0, evalCalls: 0 }
const RealFunction = globalThis.Function
globalThis.Function = new Proxy(RealFunction, {
  construct(target, args, newTarget) {
    counts.functionCalls++
    return Reflect.construct(target, args, newTarget === globalThis.Function ? target : newTarget)
  },
  apply(target, self, args) {
    counts.functionCalls++
    return Reflect.apply(target, self, args)
  },
})
const realEval = globalThis.eval
globalThis.eval = new Proxy(realEval, {
  apply(target, self, args) {
    counts.evalCalls++
    return Reflect.apply(target, self, args)
  },
})

const { createBffClient } = await import('./bff-client.js')
const answers = new Map(Object.entries(JSON.parse(process.argv[2])))
const fakeFetch = async (url) => {
  const [status, body] = answers.get(new URL(url, 'http://app.test').pathname)
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}
const client = createBffClient({ fetch: fakeFetch })
const outcome = async (promise) => promise.then((data) => ({ data }), (error) => ({ code: error.code }))
const results = {
  accounts: await outcome(client.request({ method: 'GET', path: '/accounts', schema: 'accounts' })),
  flow: await outcome(client.request({ method: 'GET', path: '/flows/x', schema: 'flow' })),
  broken: await outcome(client.request({ method: 'GET', path: '/broken', schema: 'accounts' })),
  error: await outcome(client.request({ method: 'GET', path: '/session', schema: 'session' })),
}
const kitCounts = { ...counts }
// Control: the counter does see code generated from a string in this process.
let control
try { new Function('return 1'); control = 'allowed' } catch (error) { control = error.name }
console.log(JSON.stringify({ kitCounts, results, control, controlCounts: counts }))
`

const answers = {
  '/api/accounts': [200, { data: [account] }],
  '/api/flows/x': [200, { flowId: FLOW_ID, status: 'pending', kind: 'ais' }],
  '/api/broken': [200, { data: [{ ...account, balance: null }] }],
  '/api/session': [
    401,
    { error: { code: 'unauthenticated', message: 'Sign in.', correlationId: 'req-1' } },
  ],
}

interface RunnerOutput {
  kitCounts: { functionCalls: number; evalCalls: number }
  results: Record<string, { data?: unknown; code?: string }>
  control: string
  controlCounts: { functionCalls: number; evalCalls: number }
}

let output: RunnerOutput

beforeAll(async () => {
  await build({
    entryPoints: [fileURLToPath(new URL('./bff-client.ts', import.meta.url))],
    outdir: work,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  })
  writeFileSync(join(work, 'runner.mjs'), runner)
  const stdout = execFileSync(
    process.execPath,
    ['--disallow-code-generation-from-strings', join(work, 'runner.mjs'), JSON.stringify(answers)],
    { cwd: work, encoding: 'utf8' },
  )
  output = JSON.parse(stdout) as RunnerOutput
}, 60_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the kit under a CSP without unsafe-eval', () => {
  it('parses BFF answers without ever constructing a Function or calling eval', () => {
    expect(output.kitCounts).toEqual({ functionCalls: 0, evalCalls: 0 })
  })

  it('still validates every answer while jitless', () => {
    expect(output.results.accounts).toEqual({ data: { data: [account] } })
    expect(output.results.flow).toEqual({
      data: { flowId: FLOW_ID, status: 'pending', kind: 'ais' },
    })
    expect(output.results.broken).toEqual({ code: 'invalid_response' })
    expect(output.results.error).toEqual({ code: 'unauthenticated' })
  })

  it('would have seen code generation: the counter and the Node flag both catch it', () => {
    expect(output.control).toBe('EvalError')
    expect(output.controlCounts.functionCalls).toBe(output.kitCounts.functionCalls + 1)
  })
})
