/** The simulator's `/__sim/` admin API over HTTP (the process runs apart from the tests). */
export interface SimAdmin {
  /** Sends one admin request and returns its parsed JSON answer (`undefined` for no body). */
  request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>
  /** Makes a connection's consent expire now, as if its end date had passed. */
  expireConsent(connectionId: string): Promise<void>
  /** Request counters per route and grant type (`{ "<route key>": count }`). */
  counters(): Promise<Record<string, number>>
}

/**
 * Creates a client for the simulator's admin API.
 *
 * @param identityUrl - the simulator's identity origin (`http://127.0.0.1:<port>`)
 * @param token - the simulator's `SIM_ADMIN_TOKEN`, sent as a bearer token, when it has one
 * @throws Error (from each method) naming the path and status when the simulator refuses
 */
export function createSimAdmin(identityUrl: string, token?: string): SimAdmin {
  const auth: Record<string, string> =
    token === undefined ? {} : { authorization: `Bearer ${token}` }
  const request = async (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<unknown> => {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...auth } }
    if (body !== undefined) {
      init.body = JSON.stringify(body)
      init.headers = { accept: 'application/json', 'content-type': 'application/json', ...auth }
    }
    const response = await fetch(`${identityUrl}/__sim${path}`, init)
    const text = await response.text()
    if (!response.ok) {
      throw new Error(
        `sim admin ${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`,
      )
    }
    return text === '' ? undefined : (JSON.parse(text) as unknown)
  }
  return {
    request,
    async expireConsent(connectionId) {
      await request('POST', `/connections/${encodeURIComponent(connectionId)}/expire`)
    },
    counters: async () => (await request('GET', '/counters')) as Record<string, number>,
  }
}
