import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium, generateClientKey, simulatorServer } from '@mhkit/playwright'

// The whole stack on loopback: the Moneyhub simulator, this app's BFF (mhkit-bff) and the built
// app under `vite preview`, which proxies /api to the BFF. Every port can be changed.
const appPort = Number(process.env.APP_PORT ?? 4173)
const bffPort = Number(process.env.BFF_PORT ?? 8787)
const appOrigin = `http://localhost:${appPort}`
const key = generateClientKey()
const sim = simulatorServer({
  identityPort: Number(process.env.SIM_PORT ?? 4790),
  apiPort: Number(process.env.SIM_API_PORT ?? 4791),
  client: {
    redirectUri: `${appOrigin}/api/callback`,
    jwksUri: `http://127.0.0.1:${bffPort}/.well-known/jwks.json`,
  },
})

export default defineConfig({
  testDir: './tests',
  workers: 1,
  use: {
    baseURL: appOrigin,
    ...sim.use,
    launchOptions: { executablePath: findChromium(), args: [...chromiumArgs] },
  },
  webServer: [
    sim.webServer,
    {
      command: 'npx mhkit-bff',
      url: `http://127.0.0.1:${bffPort}/healthz`,
      env: {
        ...sim.bffEnv,
        NODE_ENV: 'development',
        MONEYHUB_PRIVATE_KEY: key.privateJwk,
        APP_ORIGIN: appOrigin,
        PORT: String(bffPort),
        SESSION_STORE: 'memory',
      },
    },
    {
      command: `npx vite preview --port ${appPort}`,
      url: appOrigin,
      env: { BFF_URL: `http://127.0.0.1:${bffPort}` },
    },
  ],
})
