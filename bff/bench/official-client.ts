import { Moneyhub } from '@mft/moneyhub-api-client'
import type { JWK } from 'jose'

import { createHttpTransport, createMoneyhubClient, loadClientKeys } from '../src/moneyhub'
import type { SimProcess } from './sim-process'

/** Milliseconds per read (wall time over the whole run ÷ reads) and tokens asked per read. */
export interface ReadCost {
  msPerRead: number
  tokensPerRead: number
}

/** One comparison: our client and the official one, same job, same concurrency. */
export interface ClientComparison {
  concurrency: number
  cache: 'cached' | 'emptied'
  ours: ReadCost
  official: ReadCost
  /** Milliseconds per read of each pair of runs, in order: their spread is the noise. */
  pairs: { ours: number; official: number }[]
}

/** One read for the user `sub`. */
type Read = (sub: string) => Promise<unknown>

/**
 * "Read accounts for a connected user" with this repository's Moneyhub client (wired as the
 * BFF wires it: the pooled keep-alive transport) and with the official Node client
 * `@mft/moneyhub-api-client`, against the simulator, at each concurrency, with the user token
 * cached and with the cache emptied before every read. Each concurrent reader reads for its own
 * user (`subs`, at least as many as the highest concurrency): with one user, our client's
 * single-flight would share one token request among readers whose cache was just emptied.
 * The clients alternate in `pairs` runs of `reads` reads each, in turn forwards and backwards,
 * and the simulator counts the token requests of each run.
 *
 * The official client asks for a client_credentials token on every call (it has no cache),
 * so "emptied" is its only mode: the same figures serve both comparisons.
 */
export async function compareClients(
  sim: SimProcess,
  registration: { clientId: string; jwk: JWK; redirectUri: string },
  subs: readonly string[],
  options: { concurrencies: readonly number[]; reads: number; pairs: number },
): Promise<ClientComparison[]> {
  const keys = await loadClientKeys({ jwk: registration.jwk })
  const transport = createHttpTransport()
  const ours = createMoneyhubClient({
    request: transport.request,
    issuer: sim.issuer,
    apiUrl: sim.apiUrl,
    clientId: registration.clientId,
    redirectUri: registration.redirectUri,
    keys,
    idTokenAlg: 'PS256',
    allowInsecureLoopback: true,
  })
  const official = await Moneyhub({
    resourceServerUrl: sim.apiUrl,
    identityServiceUrl: sim.issuer,
    client: {
      client_id: registration.clientId,
      client_secret: '',
      token_endpoint_auth_method: 'private_key_jwt',
      id_token_signed_response_alg: 'PS256',
      request_object_signing_alg: 'PS256',
      redirect_uri: registration.redirectUri,
      response_type: 'code',
      keys: [registration.jwk as never],
    },
  })
  const reads: Record<'ours-cached' | 'ours-emptied' | 'official', Read> = {
    'ours-cached': (sub) => ours.getAccounts(sub),
    'ours-emptied': async (sub) => {
      await ours.forgetUser(sub)
      return ours.getAccounts(sub)
    },
    official: (sub) => official.getAccounts({ userId: sub }),
  }

  const run = async (read: Read, concurrency: number): Promise<ReadCost> => {
    const tokensBefore = (await sim.counters())['token:client_credentials'] ?? 0
    let left = options.reads
    const started = performance.now()
    const worker = async (sub: string) => {
      while (left > 0) {
        left--
        await read(sub)
      }
    }
    await Promise.all(subs.slice(0, concurrency).map(worker))
    const elapsed = performance.now() - started
    const tokens = ((await sim.counters())['token:client_credentials'] ?? 0) - tokensBefore
    return { msPerRead: elapsed / options.reads, tokensPerRead: tokens / options.reads }
  }
  const mean = (costs: ReadCost[]): ReadCost => ({
    msPerRead: costs.reduce((sum, c) => sum + c.msPerRead, 0) / costs.length,
    tokensPerRead: costs.reduce((sum, c) => sum + c.tokensPerRead, 0) / costs.length,
  })

  const comparisons: ClientComparison[] = []
  try {
    if (subs.length < Math.max(...options.concurrencies)) throw new TypeError('a user per reader')
    // Warm-up: discovery, JIT (the simulator's token endpoint too), keep-alive pools, and our
    // client's token for every user.
    for (let round = 0; round < 3; round++) {
      for (const read of Object.values(reads)) await run(read, subs.length)
    }
    for (const concurrency of options.concurrencies) {
      const costs = { 'ours-cached': [], 'ours-emptied': [], official: [] } as Record<
        keyof typeof reads,
        ReadCost[]
      >
      const names = Object.keys(reads) as (keyof typeof reads)[]
      for (let pair = 0; pair < options.pairs; pair++) {
        // Alternating, forwards then backwards (A B C C B A ...), so the machine's drift, and a
        // simulator still getting faster, falls on every client alike.
        const order = pair % 2 === 0 ? names : [...names].reverse()
        for (const name of order) costs[name].push(await run(reads[name], concurrency))
      }
      const theirs = mean(costs.official)
      const pairsOf = (ours: ReadCost[]) =>
        ours.map((cost, i) => ({
          ours: cost.msPerRead,
          official: costs.official[i]?.msPerRead ?? Number.NaN,
        }))
      for (const cache of ['cached', 'emptied'] as const) {
        const ours = costs[`ours-${cache}`]
        comparisons.push({
          concurrency,
          cache,
          ours: mean(ours),
          official: theirs,
          pairs: pairsOf(ours),
        })
      }
    }
  } finally {
    transport.close()
  }
  return comparisons
}
