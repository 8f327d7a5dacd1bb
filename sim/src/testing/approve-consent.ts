import { MOCK_BANK_ID } from '../banks'
import { CookieJar } from './cookie-jar'

/** Options of {@link approveConsent} and {@link denyConsent}. */
export interface ConsentDriverOptions {
  /** Bank to pick when the chooser appears (default: the mock bank when offered, else the first). */
  bankId?: string
  /** Cookies of the "browser" (default: a fresh jar). Reuse one to keep the simulator session. */
  cookieJar?: CookieJar
  /** `fetch` to use (default: the global one). */
  fetch?: typeof fetch
}

const MAX_STEPS = 20

function isSimulatorPage(location: URL, identityOrigin: string): boolean {
  return (
    location.origin === identityOrigin &&
    (location.pathname.startsWith('/oidc/') || location.pathname.startsWith('/interaction/'))
  )
}

async function drive(
  authUrl: string,
  decision: 'approve' | 'deny',
  options: ConsentDriverOptions,
): Promise<string> {
  const jar = options.cookieJar ?? new CookieJar()
  const fetchImpl = options.fetch ?? fetch
  const identityOrigin = new URL(authUrl).origin
  let url = authUrl
  let init: { method: string; body?: URLSearchParams } = { method: 'GET' }
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const headers: Record<string, string> = {}
    const cookie = jar.header(url)
    if (cookie) headers.cookie = cookie
    const response = await fetchImpl(url, { ...init, headers, redirect: 'manual' })
    jar.store(url, response)
    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get('location') ?? '', url)
      if (!isSimulatorPage(location, identityOrigin)) return location.href
      url = location.href
      init = { method: 'GET' }
      continue
    }
    const html = await response.text()
    if (response.status !== 200) {
      throw new Error(
        `simulator answered ${String(response.status)} at ${new URL(url).pathname}: ${html.slice(0, 200)}`,
      )
    }
    // The consent page: its decision form carries the chosen bank in a hidden field (the
    // chooser's cancel form posts to the same place but names no bank).
    const confirm = /<form method="post" action="([^"]+\/confirm)"/.exec(html)
    const chosen = /type="hidden" name="bankId" value="([0-9a-f]+)"/.exec(html)
    if (confirm?.[1] && chosen?.[1]) {
      const bankId = chosen[1]
      url = new URL(confirm[1], url).href
      init = { method: 'POST', body: new URLSearchParams({ bankId, decision }) }
      continue
    }
    const offered = [...html.matchAll(/name="bankId" value="([0-9a-f]+)"/g)].map(
      (match) => match[1],
    )
    const chooser = /<form method="get" action="([^"]+)"/.exec(html)
    if (chooser?.[1] && offered.length > 0) {
      const wanted = options.bankId ?? (offered.includes(MOCK_BANK_ID) ? MOCK_BANK_ID : offered[0])
      if (!wanted || !offered.includes(wanted)) {
        throw new Error(`bank ${String(wanted)} is not offered by the simulator's bank chooser`)
      }
      const next = new URL(chooser[1], url)
      next.searchParams.set('bankId', wanted)
      url = next.href
      init = { method: 'GET' }
      continue
    }
    throw new Error(`unexpected simulator page at ${new URL(url).pathname}`)
  }
  throw new Error('too many steps driving the simulator bank pages')
}

/**
 * Drive the simulator's bank pages over HTTP like a user who approves: follow redirects, pick a
 * bank in the chooser when it appears, press Approve. For scripts and tests with no browser.
 *
 * @param authUrl - The authorisation URL (`<issuer>/auth?request_uri=...`).
 * @param options - Bank to choose, cookie jar, fetch.
 * @returns The final redirect to the client's `redirect_uri` (with `code`, `state`, `iss`, or an
 *   OAuth `error`). Throws `Error` when a page is not what a simulator would serve.
 */
export async function approveConsent(
  authUrl: string,
  options: ConsentDriverOptions = {},
): Promise<string> {
  return drive(authUrl, 'approve', options)
}

/**
 * As {@link approveConsent}, but presses Deny; the result carries `error=access_denied`.
 *
 * @param authUrl - The authorisation URL.
 * @param options - Bank to choose, cookie jar, fetch.
 * @returns The final redirect to the client's `redirect_uri`.
 */
export async function denyConsent(
  authUrl: string,
  options: ConsentDriverOptions = {},
): Promise<string> {
  return drive(authUrl, 'deny', options)
}
