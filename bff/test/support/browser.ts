/**
 * A minimal cookie-keeping client for the BFF app in tests: remembers `Set-Cookie` values by
 * name (honouring Max-Age=0) and sends them back, like a browser on the app origin would.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>()
  /** Every response body and header the BFF sent to this browser (for the log canary). */
  readonly seen: string[] = []

  constructor(
    private readonly request: (path: string, init?: RequestInit) => Response | Promise<Response>,
    private readonly origin: string,
  ) {}

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {}
    return { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair?.indexOf('=') ?? -1
      if (pair === undefined || eq < 0) continue
      const name = pair.slice(0, eq)
      const value = pair.slice(eq + 1)
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  private async record(res: Response): Promise<Response> {
    this.remember(res)
    const text = await res.clone().text()
    const headers = [...res.headers]
      .filter(([k]) => k !== 'set-cookie')
      .map(([k, v]) => `${k}: ${v}`)
    this.seen.push(text, ...headers)
    return res
  }

  /** A navigation (no CSRF header), e.g. the callback. */
  async navigate(pathAndQuery: string): Promise<Response> {
    return this.record(await this.request(pathAndQuery, { headers: this.cookieHeader() }))
  }

  /** A kit-style API GET. */
  async get(path: string): Promise<Response> {
    return this.record(
      await this.request(path, { headers: { 'X-CSRF': '1', ...this.cookieHeader() } }),
    )
  }

  /** A kit-style API write with a JSON body. */
  async send(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> {
    return this.record(
      await this.request(path, {
        method,
        headers: {
          'X-CSRF': '1',
          Origin: this.origin,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...this.cookieHeader(),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
  }
}
