import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, type WriteStream } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'

/** A child process of the stack (simulator, BFF or app server) and its recent output. */
export interface Service {
  readonly name: string
  readonly pid: number | undefined
  /** The last lines the process wrote, for error messages. */
  tail(): string
  /** Resolves when the process has exited (immediately when it already has). */
  readonly exited: Promise<number | null>
  /** Ends the process and every child it started (its process group). */
  stop(): Promise<void>
}

/** How to start one service. */
export interface ServiceSpec {
  readonly name: string
  readonly command: string
  readonly args: readonly string[]
  readonly cwd: string
  readonly env: Record<string, string>
  /** File that receives the full output; omitted keeps only the in-memory tail. */
  readonly logFile?: string
}

const TAIL_LINES = 60

/**
 * Starts a service as a real process in its own process group, so that stopping it also ends
 * whatever it spawned (`pnpm` → `tsx` → `node`).
 *
 * @param spec command, arguments, working directory and the complete environment additions
 * @returns a handle whose `stop()` must be called on teardown
 */
export function startService(spec: ServiceSpec): Service {
  const child: ChildProcess = spawn(spec.command, [...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, FORCE_COLOR: '0', ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const lines: string[] = []
  const log: WriteStream | undefined =
    spec.logFile === undefined ? undefined : createWriteStream(spec.logFile)
  const collect = (chunk: Buffer): void => {
    log?.write(chunk)
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue
      lines.push(line)
      if (lines.length > TAIL_LINES) lines.shift()
    }
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)

  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code
      resolve(code)
    })
    child.once('error', (error) => {
      lines.push(`spawn failed: ${error.message}`)
      exitCode = -1
      resolve(-1)
    })
  })

  const signal = (sig: NodeJS.Signals): void => {
    if (child.pid === undefined || exitCode !== undefined) return
    try {
      process.kill(-child.pid, sig)
    } catch {
      // The group is already gone.
    }
  }

  return {
    name: spec.name,
    pid: child.pid,
    tail: () => lines.join('\n'),
    exited,
    async stop() {
      signal('SIGTERM')
      const done = await Promise.race([exited.then(() => true), delay(5000).then(() => false)])
      if (!done) signal('SIGKILL')
      await Promise.race([exited, delay(2000)])
      log?.end()
    },
  }
}

/**
 * Polls `url` until it answers 2xx, failing early when the service exits first.
 *
 * Readiness polling is the only waiting the harness does; no test waits on the clock.
 *
 * @throws Error with the service's last output when it exits or `timeoutMs` passes
 */
export async function waitUntilReady(
  service: Service,
  url: string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void service.exited.then(() => {
    exited = true
  })
  let lastError = 'no answer yet'
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`${service.name} exited before ${url} was ready:\n${service.tail()}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await delay(150)
  }
  throw new Error(`${service.name} not ready at ${url} (${lastError}):\n${service.tail()}`)
}
