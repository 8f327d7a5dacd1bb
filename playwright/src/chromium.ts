import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** Chromium switches that keep a headless run quiet, offline and deterministic. */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const INSTALL_HINT = [
  'No Chromium found for the Playwright journeys.',
  'Install one of:',
  '  - Debian/Ubuntu: apt-get install -y chromium   (found at /usr/bin/chromium)',
  '  - any Chromium build, then set CHROMIUM_PATH=/path/to/chromium',
  "  - Playwright's own build: npx playwright install chromium",
].join('\n')

/**
 * Finds the Chromium executable for the journeys: `CHROMIUM_PATH`, then Debian's
 * `/usr/bin/chromium`, then the build Playwright downloaded itself (browsers cannot be
 * downloaded on every machine, so a system Chromium comes first).
 *
 * @returns the absolute path of an existing executable
 * @throws Error naming what to install when none exists
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.CHROMIUM_PATH
  if (explicit !== undefined && explicit !== '') {
    if (existsSync(explicit)) return explicit
    throw new Error(`CHROMIUM_PATH=${explicit} does not exist.\n${INSTALL_HINT}`)
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate
  }
  let bundled: string | undefined
  try {
    bundled = chromium.executablePath()
  } catch {
    bundled = undefined
  }
  if (bundled !== undefined && existsSync(bundled)) return bundled
  throw new Error(INSTALL_HINT)
}
