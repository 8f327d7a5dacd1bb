// An existing Express server that mounts the Moneyhub Connect Kit BFF beside its own routes.
// Configuration comes from the environment (bff/.env.example lists every variable).
import express from 'express'
import { createBff, loadConfig } from '@mhkit/bff'
import { nodeHandler } from '@mhkit/bff/node'

const bff = await createBff(loadConfig())

const app = express()
// Before any body parser: the BFF reads and limits request bodies itself.
app.use(nodeHandler(bff))
app.use(express.json())
app.get('/', (_req, res) => {
  res.send('Hello from the host app')
})

const port = Number(process.env.PORT ?? 3000)
const server = app.listen(port, '127.0.0.1', () =>
  console.log(`host listening on http://127.0.0.1:${port}`),
)
process.on('SIGTERM', () => server.close(() => void bff.close()))
