import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { startBuiltServer, startServerProcess } from './built-server'
import { processCpuMs } from './process-cpu'

/** The least a Node server can take to answer: `node:http`, one handler, nothing loaded. */
const EMPTY_SERVER = `require('node:http').createServer((_, res) => res.end('ok')).listen(Number(process.env.PORT), process.env.HOST)`

/**
 * Per spawn: milliseconds from spawn to the first 200 on `/healthz`, and the CPU milliseconds
 * the process had used by then. The CPU time hardly depends on the machine's other tenants,
 * where the wall time waits for a core as long as they keep it.
 */
export interface ColdStarts {
  bff: number[]
  emptyServer: number[]
  bffCpu: number[]
  emptyServerCpu: number[]
}

/**
 * Spawns the built server `runs` times, each with a new empty SQLite file (a first boot, as on
 * a fresh instance), alternating with an empty `node:http` server: the reference shows what
 * the machine's load adds to any Node process's start. `env` is the running BFF's
 * configuration without its SQLite path.
 */
export async function coldStarts(
  serverJs: string,
  env: Record<string, string>,
  logFile: string,
  runs: number,
): Promise<ColdStarts> {
  const result: ColdStarts = { bff: [], emptyServer: [], bffCpu: [], emptyServerCpu: [] }
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'mhkit-bench-cold-'))
    try {
      const server = await startBuiltServer(
        serverJs,
        { ...env, SQLITE_PATH: join(dir, 'bff.sqlite') },
        logFile,
      )
      result.bff.push(server.readyMs)
      result.bffCpu.push(processCpuMs(server.pid))
      await server.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const empty = await startServerProcess(['-e', EMPTY_SERVER], {}, logFile)
    result.emptyServer.push(empty.readyMs)
    result.emptyServerCpu.push(processCpuMs(empty.pid))
    await empty.close()
  }
  return result
}
