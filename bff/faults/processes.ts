/**
 * The real processes of the fault drills: the BFF started as `tsx src/server.ts` with its
 * environment (as e2e/support/stack.ts starts it), and a throwaway `redis-server`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, createConnection } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bffDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const tsx = join(bffDir, '..', 'node_modules', '.bin', 'tsx')

/** A free loopback port. */
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A child process in its own process group (so a signal reaches `tsx` and its `node`). */
interface Child {
  readonly pid: number
  /** The last lines it wrote (for a failure message). */
  tail(): string
  /** Sends the signal to the whole group and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>
}

function startChild(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    lines.splice(0, Math.max(0, lines.length - 30))
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const handle: Child & { exited: Promise<void> } = {
    pid: child.pid ?? -1,
    exited,
    tail: () => lines.join('\n'),
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return
      try {
        process.kill(-handle.pid, signal)
      } catch {
        // The group is already gone.
      }
      await exited
    },
  }
  return handle
}

/** A BFF process and where it answers. */
export interface BffProcess extends Child {
  readonly url: string
}

/**
 * Starts `tsx src/server.ts` with the given environment (NODE_ENV=test set explicitly) on a
 * free port and waits until `/healthz` answers.
 *
 * @param env - the BFF's environment (issuer, keys, store, APP_ORIGIN …)
 * @param port - the port (default a free one; pass the old one to restart in place)
 */
export async function startBff(env: Record<string, string>, port?: number): Promise<BffProcess> {
  const p = port ?? (await freePort())
  const child = startChild(tsx, ['src/server.ts'], bffDir, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(p),
    LOG_LEVEL: 'warn',
    ...env,
  })
  const url = `http://127.0.0.1:${p}`
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { ...child, url }
    if (await Promise.race([child.exited.then(() => true), pause(50).then(() => false)])) break
  }
  await child.kill('SIGKILL')
  throw new Error(`the BFF did not start:\n${child.tail()}`)
}

/** A redis-server whose data survives a restart (append-only file, fsync always). */
export interface RedisProcess extends Child {
  readonly url: string
  readonly port: number
}

/**
 * Starts `redis-server` on loopback with an append-only file in `dir`, so stopping and
 * starting it again on the same port keeps the sessions, as a production restart would.
 *
 * @param dir - its data directory
 * @param port - the port (default a free one)
 */
export async function startRedis(dir: string, port?: number): Promise<RedisProcess> {
  const p = port ?? (await freePort())
  const child = startChild(
    'redis-server',
    ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes'],
    dir,
    {},
  )
  for (let i = 0; i < 400; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ port: p, host: '127.0.0.1' })
      sock.once('connect', () => {
        sock.destroy()
        resolve(true)
      })
      sock.once('error', () => resolve(false))
    })
    if (up) return { ...child, url: `redis://127.0.0.1:${p}`, port: p }
    await pause(25)
  }
  await child.kill('SIGKILL')
  throw new Error(`redis-server did not start:\n${child.tail()}`)
}
