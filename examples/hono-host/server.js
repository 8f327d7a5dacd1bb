// An existing Hono server that mounts the Moneyhub Connect Kit BFF beside its own routes.
// Configuration comes from the environment (bff/.env.example lists every variable).
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createBff, loadConfig } from '@mhkit/bff'

const bff = await createBff(loadConfig())

const app = new Hono()
// The BFF answers its own paths (/api/*, /.well-known/jwks.json, /healthz, /readyz) first.
app.use('*', (c, next) => (bff.handles(c.req.path) ? bff.fetch(c.req.raw, c.env) : next()))
app.get('/', (c) => c.text('Hello from the host app'))

const port = Number(process.env.PORT ?? 3000)
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () =>
  console.log(`host listening on http://127.0.0.1:${port}`),
)
process.on('SIGTERM', () => server.close(() => void bff.close()))
