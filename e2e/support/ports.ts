import { createServer } from 'node:net'

/**
 * Asks the kernel for a free TCP port on the loopback interface.
 *
 * The port is released before it is returned, so another process could in theory take it
 * first; the stack binds its ports moments later, which is good enough for a test harness.
 *
 * @returns a port number in the ephemeral range
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        server.close()
        reject(new Error('could not read the bound port'))
        return
      }
      const { port } = address
      server.close(() => resolve(port))
    })
  })
}
