import type { BrowserContext, Response } from '@playwright/test'

/** One response the browser received, with everything page code could observe of it. */
export interface RecordedResponse {
  readonly url: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  /** The body as text ('' for redirects and bodies the browser never read). */
  readonly body: string
  /**
   * The body never arrived within {@link BODY_WAIT_MS} (a request the page dropped mid-answer,
   * such as the demo's host sign-in probe when it navigates on). Journeys accept this only for
   * error answers.
   */
  readonly unread: boolean
}

/** How long a body may take to arrive before it is recorded as unread. */
const BODY_WAIT_MS = 10_000

/** The body's text, or undefined when it has not arrived within {@link BODY_WAIT_MS}. */
async function bodyOf(response: Response): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), BODY_WAIT_MS)
  })
  try {
    return await Promise.race([response.text().catch(() => ''), late])
  } finally {
    clearTimeout(timer)
  }
}

/** Records every response of a browser context (every page and popup in it). */
export interface ResponseRecorder {
  /** Everything recorded so far; waits for bodies still being read. */
  all(): Promise<readonly RecordedResponse[]>
  /** Stops recording. */
  dispose(): void
}

/**
 * Starts recording every response any page of `context` receives (redirect mode, popups and
 * the bank pages included), with headers and body text, so a test can prove what never
 * reached the browser.
 *
 * @param context - the test's browser context
 */
export function recordResponses(context: BrowserContext): ResponseRecorder {
  const pending: Promise<RecordedResponse>[] = []
  const onResponse = (response: Response): void => {
    pending.push(
      (async () => {
        // A live-event stream stays open for minutes: its body would never finish reading, and
        // its raw headers may never be reported either. It carries only the event vocabulary
        // (bff/test/integration/webhooks.test.ts checks it).
        const streaming = (response.headers()['content-type'] ?? '').startsWith('text/event-stream')
        const headers = streaming
          ? response.headers()
          : await response.allHeaders().catch(() => response.headers())
        let body: string | undefined = ''
        const status = response.status()
        if (!streaming && (status < 300 || status >= 400)) {
          body = await bodyOf(response)
        }
        return {
          url: response.url(),
          status,
          headers,
          body: body ?? '',
          unread: body === undefined,
        }
      })(),
    )
  }
  context.on('response', onResponse)
  return {
    all: () => Promise.all(pending),
    dispose: () => context.off('response', onResponse),
  }
}

/** A JWS/JWT in compact form: base64url header starting `{"` ... two dots. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}/g

/** JSON field names and form names that carry OAuth secrets. */
const SECRET_FIELD_PATTERN =
  /["']?\b(access_token|refresh_token|id_token|code_verifier|client_assertion)\b["']?\s*[:=]/i

/**
 * Finds anything token-shaped in the recorded responses of the app's origin: JWT-shaped
 * strings, OAuth secret field names, and any of `knownSecrets` (token values the simulator
 * says it issued).
 *
 * @param responses - what {@link recordResponses} captured
 * @param appOrigin - only responses from this origin are the BFF's and the app's to answer for
 * @param knownSecrets - exact values that must never appear
 * @returns one line per finding; empty when clean
 */
export function findTokenLeaks(
  responses: readonly RecordedResponse[],
  appOrigin: string,
  knownSecrets: readonly string[] = [],
): string[] {
  const findings: string[] = []
  for (const r of responses) {
    if (!r.url.startsWith(appOrigin)) continue
    const headerText = Object.entries(r.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n')
    // Field names are checked in data (API answers, HTML), not in script assets, whose source
    // may legitimately name a claim such as `id_token` in a schema.
    const isData = !/javascript|css/.test(r.headers['content-type'] ?? '')
    for (const [where, text] of [
      ['headers', headerText],
      ['body', r.body],
    ] as const) {
      const jwt = text.match(JWT_PATTERN)
      if (jwt !== null) findings.push(`${r.url} ${where}: JWT-shaped string`)
      const field = isData ? SECRET_FIELD_PATTERN.exec(text) : null
      if (field !== null) findings.push(`${r.url} ${where}: field ${field[1] ?? ''}`)
      for (const secret of knownSecrets) {
        if (secret.length >= 16 && text.includes(secret)) {
          findings.push(`${r.url} ${where}: a token the simulator issued`)
        }
      }
    }
  }
  return findings
}

/**
 * Collects the `code` and `state` of every callback the browser makes. They travel in the
 * callback URL (the front channel, by design); no response of the app origin may echo them
 * afterwards, so the leak checks look for them too.
 *
 * @param context - the browser context of the journey
 * @returns the values, filled in as callbacks happen
 */
export function recordFrontChannel(context: BrowserContext): string[] {
  const values: string[] = []
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname !== '/api/callback') return
    for (const name of ['code', 'state']) {
      const value = url.searchParams.get(name)
      if (value !== null) values.push(value)
    }
  })
  return values
}
