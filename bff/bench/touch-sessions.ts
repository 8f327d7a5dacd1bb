import { getOnce, keepAliveAgent } from './http-get'

/**
 * Reads each seeded session once through the BFF (`GET /api/payees`: the session middleware
 * loads it, the route reads only the store, never Moneyhub), 20 at a time, so the server has
 * served every session before its memory is read. Returns how many answered 200.
 */
export async function touchSessions(
  bffUrl: string,
  cookieValues: readonly string[],
): Promise<number> {
  const agent = keepAliveAgent(20)
  let next = 0
  let ok = 0
  const worker = async () => {
    while (next < cookieValues.length) {
      const id = cookieValues[next++]
      const status = await getOnce(agent, {
        url: `${bffUrl}/api/payees`,
        headers: { 'X-CSRF': '1', Cookie: `__Host-mhkit-session=${id}` },
      })
      if (status === 200) ok++
    }
  }
  await Promise.all(Array.from({ length: 20 }, worker))
  agent.destroy()
  return ok
}
