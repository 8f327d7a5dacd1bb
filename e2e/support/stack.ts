import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateClientKey } from '@mhkit/playwright'
import { freePort } from './ports'
import { startService, waitUntilReady, type Service } from './service'
import { createSimAdmin } from './sim-admin'
import { simClientEnv, type SimUrls } from './sim-env'

/** The repository root (this file lives in `e2e/support/`). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx')

/** How the app under test is served; `{{port}}` and `{{bffUrl}}` are filled in. */
export interface AppServerSpec {
  readonly command: string
  readonly args: readonly string[]
  readonly cwd: string
  readonly env?: Record<string, string>
  /** Path polled until it answers 2xx. Default `/`. */
  readonly readyPath?: string
}

/** Options of {@link startStack}. */
export interface StackOptions {
  /** How to serve the app; default: the built demo under `vite preview`, proxying to the BFF. */
  readonly app?: AppServerSpec
  /** Directory for the processes' full logs; default a temporary directory. */
  readonly logDir?: string
  /** OAuth client id registered at the simulator and used by the BFF. */
  readonly clientId?: string
  /** Extra environment for the BFF (for example `LOG_LEVEL`). */
  readonly bffEnv?: Record<string, string>
  /** Folder of the BFF package to run (`src/server.ts`); default `bff/` (env `E2E_BFF_DIR`). */
  readonly bffDir?: string
  /**
   * A server to run in the BFF's place (same environment and port), e.g. the demo's host
   * server that mounts the BFF: its folder and its TypeScript entry, run with tsx.
   */
  readonly bffEntry?: { readonly cwd: string; readonly file: string }
  /** Folder of the simulator package to run (`src/main.ts`); default `sim/` (env `E2E_SIM_DIR`). */
  readonly simDir?: string
  /** `SIM_ADMIN_TOKEN` for the simulator (at least 32 characters); the `simAdmin` fixture sends it. */
  readonly simAdminToken?: string
}

/** A running simulator + BFF + app, all on loopback. */
export interface Stack {
  /** The app origin the browser uses: `http://localhost:<port>` (cookies are scoped to it). */
  readonly appUrl: string
  /** Direct BFF URL (tests normally go through the app origin instead). */
  readonly bffUrl: string
  readonly sim: SimUrls
  /** The simulator's admin token, when {@link StackOptions.simAdminToken} set one. */
  readonly simAdminToken: string | undefined
  readonly clientId: string
  /** Where each process's full output is written. */
  readonly logDir: string
  /** Ends every process (in reverse start order) and removes temporary files. */
  stop(): Promise<void>
}

/** Where the global setup builds the demo, relative to web/demo (under the ignored dist/). */
export const DEMO_E2E_OUT_DIR = 'dist/e2e'

/** Default app server: the demo built by the global setup, under `vite preview`. */
export function demoPreview(): AppServerSpec {
  const cwd = join(repoRoot, 'web', 'demo')
  return {
    command: join(cwd, 'node_modules', '.bin', 'vite'),
    args: [
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      '{{port}}',
      '--strictPort',
      '--outDir',
      DEMO_E2E_OUT_DIR,
    ],
    cwd,
  }
}

function fill(value: string, vars: Record<string, string>): string {
  return value.replace(/\{\{(\w+)\}\}/g, (match, key: string) => vars[key] ?? match)
}

/**
 * Starts the simulator, the BFF and the app as real processes on free loopback ports, each
 * configured only through its environment, and waits until each answers its health check.
 *
 * The BFF gets a client key generated for this run, a temporary SQLite session store and the
 * redirect URI `http://localhost:<appPort>/api/callback`; the simulator registers the same
 * client with that redirect URI and the matching public key.
 *
 * @param options - app server, log directory, client id
 * @returns the running {@link Stack}; call `stop()` on teardown
 * @throws Error with the failing process's last output when a service does not come up
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const [identityPort, apiPort, bffPort, appPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ])
  const tmp = mkdtempSync(join(tmpdir(), 'mhkit-e2e-'))
  const logDir = options.logDir ?? join(tmp, 'logs')
  mkdirSync(logDir, { recursive: true })

  const clientId = options.clientId ?? 'mhkit-e2e'
  const keys = generateClientKey()
  const appUrl = `http://localhost:${appPort}`
  const bffUrl = `http://127.0.0.1:${bffPort}`
  const redirectUri = `${appUrl}/api/callback`
  const vars = { port: String(appPort), bffUrl, appUrl }

  const services: Service[] = []
  const stop = async (): Promise<void> => {
    for (const service of services.reverse()) await service.stop()
    rmSync(tmp, { recursive: true, force: true })
  }

  try {
    const { env: simEnv, urls: sim } = simClientEnv({
      identityPort,
      apiPort,
      client: { clientId, redirectUri, publicJwks: keys.publicJwks },
      clientsFile: join(tmp, 'sim-clients.json'),
      seed: 'mhkit-e2e',
    })
    const simProcess = startService({
      name: 'simulator',
      command: tsx,
      args: ['src/main.ts'],
      cwd: options.simDir ?? process.env.E2E_SIM_DIR ?? join(repoRoot, 'sim'),
      env: {
        ...simEnv,
        ...(options.simAdminToken === undefined ? {} : { SIM_ADMIN_TOKEN: options.simAdminToken }),
      },
      logFile: join(logDir, 'sim.log'),
    })
    services.push(simProcess)

    const app = options.app ?? demoPreview()
    if (options.app === undefined && !existsSync(join(app.cwd, DEMO_E2E_OUT_DIR, 'index.html'))) {
      throw new Error(
        `web/demo/${DEMO_E2E_OUT_DIR} is missing: the global setup builds it (unset E2E_SKIP_BUILD)`,
      )
    }
    const appProcess = startService({
      name: 'app',
      command: app.command,
      args: app.args.map((arg) => fill(arg, vars)),
      cwd: app.cwd,
      env: { BFF_URL: bffUrl, PORT: String(appPort), ...app.env },
      logFile: join(logDir, 'app.log'),
    })
    services.push(appProcess)

    // The BFF discovers the issuer at boot, so the simulator must be up first.
    await waitUntilReady(simProcess, `${sim.issuer}/.well-known/openid-configuration`)

    const bffProcess = startService({
      name: 'bff',
      command: tsx,
      args: [options.bffEntry?.file ?? 'src/server.ts'],
      cwd:
        options.bffEntry?.cwd ?? options.bffDir ?? process.env.E2E_BFF_DIR ?? join(repoRoot, 'bff'),
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(bffPort),
        MONEYHUB_ISSUER: sim.issuer,
        MONEYHUB_API_URL: sim.apiUrl,
        MONEYHUB_IDENTITY_URL: sim.identityUrl,
        MONEYHUB_CLIENT_ID: clientId,
        MONEYHUB_PRIVATE_KEY: keys.privateJwk,
        MONEYHUB_REDIRECT_URI: redirectUri,
        APP_ORIGIN: appUrl,
        SESSION_STORE: 'sqlite',
        SQLITE_PATH: join(tmp, 'bff.sqlite'),
        LOG_LEVEL: 'info',
        // The demo's callback page (a bad callback with no flow of this browser lands there).
        CALLBACK_ERROR_PAGE: '/callback',
        ...options.bffEnv,
      },
      logFile: join(logDir, 'bff.log'),
    })
    services.push(bffProcess)

    await Promise.all([
      waitUntilReady(bffProcess, `${bffUrl}/healthz`),
      waitUntilReady(appProcess, `http://127.0.0.1:${appPort}${app.readyPath ?? '/'}`),
    ])
    // Where the simulator sends webhooks (signed tokens), as Moneyhub's admin portal registers it.
    await createSimAdmin(sim.identityUrl, options.simAdminToken).request(
      'POST',
      '/webhooks/endpoints',
      { clientId, url: `${bffUrl}/webhooks/moneyhub`, format: 'jwt' },
    )
    return { appUrl, bffUrl, sim, simAdminToken: options.simAdminToken, clientId, logDir, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
