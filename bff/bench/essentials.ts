/**
 * A second reference point for `bench/http.ts`: the essential steps of `GET /api/accounts` and
 * nothing else, in a bare Hono app on `@hono/node-server` — a CSRF header check, the session
 * cookie hashed and looked up in SQLite, one keep-alive `node:http` call to the data API, the
 * envelope checked with the client's zod schemas, each account mapped with the BFF's mapper,
 * two response headers. No request id, logger, rate limit, Origin or content-type checks,
 * timeouts, retries, circuit breaker or token cache. Not part of the BFF.
 *
 * Environment: `BARE_UPSTREAM` (URL), `BARE_AUTHORIZATION` (header value sent upstream).
 * Prints `proxy: <url>` once listening; the session cookie is `s=` + 43 × `x`.
 */
import { createHash } from 'node:crypto'
import { Agent, request } from 'node:http'

import { serve } from '@hono/node-server'
import Database from 'better-sqlite3'
import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'

import { toAccount } from '../src/mappers/account'
import { envelopeSchema, listSchema, mhAccountSchema } from '../src/moneyhub/schemas'

const upstream = new URL(process.env.BARE_UPSTREAM ?? '')
const authorization = process.env.BARE_AUTHORIZATION ?? ''
const agent = new Agent({ keepAlive: true, maxSockets: 64 })
const hash = (id: string) => createHash('sha256').update(id).digest('base64url')

const db = new Database(':memory:')
db.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL)')
db.prepare('INSERT INTO kv VALUES (?, ?, ?)').run(
  `sess:${hash('x'.repeat(43))}`,
  JSON.stringify({ sub: 'bench-user', lastSeenAt: Date.now() }),
  Date.now() + 3_600_000,
)
const getSession = db.prepare<[string, number], { value: string }>(
  'SELECT value FROM kv WHERE key = ? AND expires_at > ?',
)
const accountsSchema = envelopeSchema(listSchema(mhAccountSchema))

function upstreamText(): Promise<string> {
  return new Promise((resolve, reject) => {
    const out = request(upstream, { agent, headers: { authorization, accept: 'application/json' } })
    out.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    })
    out.on('error', reject)
    out.end()
  })
}

const app = new Hono()
app.use(async (c, next) => {
  await next()
  c.res.headers.set('Cache-Control', 'no-store')
  c.res.headers.set('X-Content-Type-Options', 'nosniff')
})
app.get('/', async (c) => {
  if (c.req.header('x-csrf') !== '1') return c.json({ error: 'csrf_header_missing' }, 403)
  const row = getSession.get(`sess:${hash(getCookie(c, 's') ?? '')}`, Date.now())
  if (row === undefined) return c.json({ error: 'unauthenticated' }, 401)
  JSON.parse(row.value)
  const page = accountsSchema.parse(JSON.parse(await upstreamText()))
  const day = new Date().toISOString().slice(0, 10)
  return c.json({ data: page.data.map((account) => toAccount(account, day)) })
})

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
server.once('listening', () => {
  const address = server.address()
  process.stdout.write(
    `proxy: http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}\n`,
  )
})
process.on('SIGTERM', () => {
  agent.destroy()
  server.close(() => process.exit(0))
})
