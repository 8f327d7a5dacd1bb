import { execFileSync } from 'node:child_process'

// Asks the kernel for a free loopback port in a child process, so a Playwright config (which
// is evaluated synchronously) can call it.
const FIND_PORT = `const s = require('node:net').createServer()
s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close() })`

/**
 * A free loopback port kept in the environment variable `name`: the first call (in
 * Playwright's main process, while it evaluates the config) finds one and sets the variable;
 * the worker processes inherit it, so every process agrees on the port. A value you set
 * yourself wins.
 *
 * @param name - e.g. `SIM_PORT`
 * @returns the port number
 * @throws TypeError when the variable holds something other than a port number
 */
export function freePort(name: string): number {
  const given = process.env[name]
  if (given !== undefined && given !== '') {
    const port = Number(given)
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new TypeError(`${name} must be a port number, not "${given.slice(0, 20)}"`)
    }
    return port
  }
  const port = Number(execFileSync(process.execPath, ['-e', FIND_PORT], { encoding: 'utf8' }))
  process.env[name] = String(port)
  return port
}
