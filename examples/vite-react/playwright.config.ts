import { defineConfig } from '@playwright/test'
import {
  chromiumArgs,
  findChromium,
  freePort,
  generateClientKey,
  simulatorServer,
} from '@mhkit/playwright'

// The whole stack on free loopback ports: the Moneyhub simulator, this app's BFF (mhkit-bff)
// and the built app under `vite preview`, which proxies /api to the BFF. Set APP_PORT or
// BFF_PORT (or MHKIT_SIM_IDENTITY_PORT, MHKIT_SIM_API_PORT) to choose a port.
const appPort = freePort('APP_PORT')
const bffPort = freePort('BFF_PORT')
const appOrigin = `http://localhost:${appPort}`
const key = generateClientKey()
const sim = simulatorServer({
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
