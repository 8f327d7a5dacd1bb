interface StoredCookie {
  value: string
  path: string
  expiresAt: number
}

/**
 * A minimal cookie jar for driving the simulator's bank pages over HTTP without a browser:
 * keeps cookies per origin, honours `Path`, `Max-Age` and `Expires`, ignores `Domain`.
 */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, StoredCookie>>()

  /**
   * Store the `Set-Cookie` headers of a response.
   *
   * @param url - The URL the response came from.
   * @param response - The response.
   */
  store(url: string, response: Response): void {
    const origin = new URL(url).origin
    let jar = this.cookies.get(origin)
    if (!jar) {
      jar = new Map()
      this.cookies.set(origin, jar)
    }
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';')
      const at = pair.indexOf('=')
      if (at <= 0) continue
      const name = pair.slice(0, at).trim()
      const cookie: StoredCookie = {
        value: pair.slice(at + 1).trim(),
        path: '/',
        expiresAt: Infinity,
      }
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=').map((part) => part.trim())
        const lower = key.toLowerCase()
        if (lower === 'path' && val) cookie.path = val
        if (lower === 'max-age') cookie.expiresAt = Date.now() + Number(val) * 1000
        if (lower === 'expires' && cookie.expiresAt === Infinity) cookie.expiresAt = Date.parse(val)
      }
      const key = `${cookie.path}\u0000${name}`
      if (cookie.expiresAt <= Date.now()) jar.delete(key)
      else jar.set(key, cookie)
    }
  }

  /**
   * The `Cookie` header value for a request.
   *
   * @param url - The request URL.
   * @returns `name=value; ...`, or an empty string.
   */
  header(url: string): string {
    const { origin, pathname } = new URL(url)
    const jar = this.cookies.get(origin)
    if (!jar) return ''
    const pairs: string[] = []
    for (const [key, cookie] of jar) {
      if (cookie.expiresAt <= Date.now()) continue
      const matches =
        pathname === cookie.path ||
        pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)
      if (matches) pairs.push(`${key.split('\u0000')[1] ?? ''}=${cookie.value}`)
    }
    return pairs.join('; ')
  }
}
