import { Agent, request } from 'node:http'

/** One URL and the headers every request to it carries. */
export interface Target {
  url: string
  headers: Record<string, string>
}

/** A keep-alive pool of `sockets` connections, as a browser-facing proxy keeps them. */
export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets })
}

/**
 * One GET over `agent`, the body read to its end; resolves with the status (0 for a network
 * error), never rejects, so a failing server shows as a count rather than stopping a run.
 */
export function getOnce(agent: Agent, target: Target): Promise<number> {
  return new Promise((resolve) => {
    const out = request(target.url, { agent, headers: target.headers })
    out.on('response', (res) => {
      res.on('data', () => undefined)
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', () => resolve(0))
    })
    out.on('error', () => resolve(0))
    out.end()
  })
}
