import { spawn } from 'node:child_process'
import { openSync, readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Options } from 'tsup'

import tsupConfig from '../tsup.config'
import { freePort } from './free-port'
import { getOnce } from './http-get'

const bffDir = fileURLToPath(new URL('..', import.meta.url))
// Under the package's node_modules, so the built file resolves its dependencies as a
// published install does, and no build output ever lands in the source tree.
const outDir = join(bffDir, 'node_modules', '.cache', 'mhkit-bench')

/** This package's runtime dependencies (not `@mhkit/shared`, which is bundled). */
function externalDependencies(): string[] {
  const pkg = JSON.parse(readFileSync(join(bffDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    peerDependencies?: Record<string, string>
  }
  return [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ].filter((name) => name !== '@mhkit/shared')
}

/**
 * Builds the `mhkit-bff` server (`src/server.ts`) with the package's own tsup settings
 * (`tsup.config.ts`, as `pnpm --filter @mhkit/bff build` builds `dist/server.js`), without
 * declarations, and returns the file to run. `@mhkit/shared` is bundled in: in the workspace it
 * is TypeScript source, which Node cannot load; published, it is its own built JavaScript.
 */
export async function buildServer(): Promise<string> {
  const { build } = await import('tsup')
  await build({
    ...(tsupConfig as Options),
    // Every entry of the published build, not the server alone: code shared between entries
    // then lands in the same chunks as in `dist/`, and the server loads the files it loads there.
    entry: Object.fromEntries(
      Object.entries((tsupConfig as Options).entry as Record<string, string>).map(
        ([name, path]) => [name, join(bffDir, path)],
      ),
    ),
    dts: false,
    outDir,
    noExternal: ['@mhkit/shared'],
    // tsup reads the dependencies to leave out from the package.json of the working directory,
    // which is the repository root when the tests run from there: name this package's own.
    external: externalDependencies(),
    silent: true,
    config: false,
  })
  return join(outDir, 'server.js')
}

/** The built BFF running as `mhkit-bff`. */
export interface BuiltServer {
  url: string
  pid: number
  /** Milliseconds from spawning the process to its first `200` on `/healthz`. */
  readyMs: number
  close(): Promise<void>
}

/**
 * Starts the built `serverJs` (the `mhkit-bff` binary) with `env` on top of a clean
 * environment, its stdout and stderr (the access log) appended to `logFile`, and waits until
 * `/healthz` answers 200.
 */
export function startBuiltServer(
  serverJs: string,
  env: Record<string, string>,
  logFile: string,
): Promise<BuiltServer> {
  return startServerProcess([serverJs], env, logFile)
}

/**
 * Starts `node <args>` with `env`, `HOST` and a free `PORT` on top of a clean environment, its
 * output appended to `logFile`, and waits until `/healthz` answers 200.
 */
export async function startServerProcess(
  args: readonly string[],
  env: Record<string, string>,
  logFile: string,
): Promise<BuiltServer> {
  // The free port is found by binding and releasing it, so another process on a busy machine
  // can take it first and the server exits at once: then start again on another port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(args, env, logFile)
    } catch (error) {
      if (!(error instanceof ExitedDuringStart) || attempt === 3) throw error
    }
  }
}

/** The server process ended before answering `/healthz`. */
class ExitedDuringStart extends Error {}

async function startOnFreePort(
  args: readonly string[],
  env: Record<string, string>,
  logFile: string,
): Promise<BuiltServer> {
  const port = await freePort()
  const log = openSync(logFile, 'a')
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', log, log],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let dead = false
  void exited.then(() => (dead = true))
  const url = `http://127.0.0.1:${port}`
  // A new connection per probe, as a load balancer's health check makes.
  const agent = new Agent({ keepAlive: false })
  for (;;) {
    if (dead) {
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-12).join('\n')
      throw new ExitedDuringStart(`${args.join(' ').slice(0, 60)} exited during start:\n${tail}`)
    }
    if ((await getOnce(agent, { url: `${url}/healthz`, headers: {} })) === 200) break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const readyMs = performance.now() - spawnedAt
  if (child.pid === undefined) throw new Error('the server has no pid')
  return {
    url,
    pid: child.pid,
    readyMs,
    async close() {
      if (!dead) child.kill('SIGTERM')
      await exited
    },
  }
}
