import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** A reference server (`bare-proxy.ts`, `essentials.ts`) in its own process. */
export interface ReferenceServer {
  url: string
  pid: number
  close(): void
}

/**
 * Starts `script` (a file in this folder) under tsx with `env`; tsx only compiles at load,
 * so once the server is warm it runs the same JavaScript a build would.
 */
export async function startReferenceServer(
  script: 'bare-proxy.ts' | 'essentials.ts',
  env: Record<string, string>,
): Promise<ReferenceServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(`./${script}`, import.meta.url))],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', () => reject(new Error(`${script} exited during start`)))
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      const found = /proxy:\s+(\S+)/.exec(out)?.[1]
      if (found !== undefined) resolve(found)
    })
  })
  if (child.pid === undefined) throw new Error(`${script} has no pid`)
  return { url: `${url}/`, pid: child.pid, close: () => child.kill('SIGTERM') }
}
