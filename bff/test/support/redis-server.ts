import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer, createConnection } from 'node:net'

/** A throwaway redis-server on a free loopback port, for the Redis store tests. */
export interface TestRedis {
  url: string
  port: number
  /** Sends a signal (e.g. SIGSTOP: Redis keeps its connections but stops answering). */
  signal(signal: NodeJS.Signals): void
  stop(): Promise<void>
}

/** Whether a `redis-server` binary is on PATH. */
export function hasRedisServer(): boolean {
  const r = spawnSync('redis-server', ['--version'], { stdio: 'ignore' })
  return r.status === 0
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('redis-server exited during start')
    const ok = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ port, host: '127.0.0.1' })
      sock.once('connect', () => {
        sock.destroy()
        resolve(true)
      })
      sock.once('error', () => resolve(false))
    })
    if (ok) return
    // Polling for readiness of a child process (not a correctness wait on wall-clock time).
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('redis-server did not start')
}

/**
 * Starts `redis-server --port P --bind 127.0.0.1 --save '' --appendonly no`.
 *
 * @param options.port - the port (default a free one); pass a stopped server's port to restart it
 */
export async function startRedis(options: { port?: number } = {}): Promise<TestRedis> {
  const port = options.port ?? (await freePort())
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  await waitForPort(port, child)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    signal: (signal) => {
      child.kill(signal)
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        // A stopped process ends only once it runs again.
        child.kill('SIGCONT')
        child.kill('SIGTERM')
      }),
  }
}
