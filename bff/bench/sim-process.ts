import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The simulator as `pnpm --filter @mhkit/sim start` runs it, in its own process group. */
export interface SimProcess {
  issuer: string
  apiUrl: string
  /** Add a fault (`sim/src/faults.ts`), e.g. a delay on one route. */
  addFault(fault: { route: string; delayMs: number }): Promise<void>
  clearFaults(): Promise<void>
  /** The simulator's request counters (`token:client_credentials`, `GET /v3/accounts`, ...). */
  counters(): Promise<Record<string, number>>
  close(): void
}

/**
 * Starts the simulator with `clients` registered. Its own process keeps its CPU time out of
 * the processes measured, as a real Moneyhub is elsewhere.
 */
export async function startSimProcess(clients: unknown[]): Promise<SimProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-bench-sim-'))
  const file = join(dir, 'clients.json')
  writeFileSync(file, JSON.stringify(clients))
  const child = spawn('pnpm', ['--filter', '@mhkit/sim', 'start'], {
    env: { ...process.env, SIM_CLIENTS_FILE: file, SIM_IDENTITY_PORT: '0', SIM_API_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  let out = ''
  const urls = await new Promise<{ issuer: string; apiUrl: string }>((resolve, reject) => {
    child.once('exit', () => reject(new Error('the simulator exited during start')))
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      const issuer = /issuer:\s+(\S+)/.exec(out)?.[1]
      const apiUrl = /data API:\s+(\S+)/.exec(out)?.[1]
      if (issuer !== undefined && apiUrl !== undefined) resolve({ issuer, apiUrl })
    })
  })
  child.stdout.resume()
  const admin = `${new URL(urls.issuer).origin}/__sim`
  return {
    ...urls,
    async addFault(fault) {
      const res = await fetch(`${admin}/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(fault),
      })
      if (res.status !== 204) throw new Error(`the simulator refused the fault (${res.status})`)
    },
    async clearFaults() {
      await fetch(`${admin}/faults`, { method: 'DELETE' })
    },
    async counters() {
      return (await (await fetch(`${admin}/counters`)).json()) as Record<string, number>
    },
    close() {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
