// Port checks of `pnpm dev` (scripts/dev.mjs): every port is tried before anything starts, so
// a port in use ends the command with one line naming the variable to change, instead of a
// child's raw EADDRINUSE stack followed by the other children's errors.
import { createServer } from 'node:net'

/**
 * Whether nothing listens on `port`. It binds the unspecified address (dual stack), which on
 * Linux and macOS conflicts with a listener on any local address of that port, IPv4 or IPv6.
 *
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

/**
 * The one line to print when a port cannot be used, or `undefined` when every port is free and
 * no two services share one.
 *
 * @param {Array<{ variable: string, port: number, example: (port: number) => string }>} ports
 *   each service's port, the environment variable that sets it, and how to set it to another
 *   port (for example `(p) => \`PORT=${p}\``).
 * @returns {Promise<string | undefined>}
 */
export async function portProblem(ports) {
  for (const [index, entry] of ports.entries()) {
    const other = ports.slice(0, index).find((earlier) => earlier.port === entry.port)
    if (other !== undefined) {
      return `[dev] ${other.variable} and ${entry.variable} are both port ${entry.port}; give each its own port`
    }
  }
  for (const entry of ports) {
    if (!(await isPortFree(entry.port))) {
      return `[dev] port ${entry.port} is in use: set ${entry.variable} to use another (for example ${entry.example(entry.port + 1)} pnpm dev)`
    }
  }
  return undefined
}
