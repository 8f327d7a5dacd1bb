/**
 * A reference point for `bench/http.ts`: the least any BFF can cost — a bare `node:http` server
 * that forwards each request to one upstream URL over a keep-alive pool and copies the body
 * back, with no session, validation, mapping or security layer. Not part of the BFF.
 *
 * Environment: `BARE_UPSTREAM` (URL), `BARE_AUTHORIZATION` (header value sent upstream).
 * Prints `proxy: <url>` once listening.
 */
import { Agent, createServer, request } from 'node:http'

const upstream = new URL(process.env.BARE_UPSTREAM ?? '')
const authorization = process.env.BARE_AUTHORIZATION ?? ''
const agent = new Agent({ keepAlive: true, maxSockets: 64 })

const server = createServer((req, res) => {
  const out = request(upstream, { agent, headers: { authorization, accept: 'application/json' } })
  out.on('response', (up) => {
    const chunks: Buffer[] = []
    up.on('data', (chunk: Buffer) => chunks.push(chunk))
    up.on('end', () => {
      res.writeHead(up.statusCode ?? 502, { 'content-type': 'application/json' })
      res.end(Buffer.concat(chunks))
    })
  })
  out.on('error', () => {
    res.writeHead(502).end()
  })
  out.end()
  req.resume()
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(
    `proxy: http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}\n`,
  )
})
process.on('SIGTERM', () => {
  agent.destroy()
  server.close(() => process.exit(0))
})
