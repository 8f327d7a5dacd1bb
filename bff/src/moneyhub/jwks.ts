/**
 * The identity service's JWKS: fetched from discovery's `jwks_uri` (5 s timeout), cached up to
 * a maximum age, refetched at most once per cooldown when a token names an unknown `kid`, and
 * fetched single-flight (docs/security.md R9).
 */
import type { CryptoKey, createLocalJWKSet, JWSHeaderParameters, FlattenedJWSInput } from 'jose'
import { z } from 'zod'
import { MoneyhubError } from './errors'
import { readJson, parseShape } from './internal/responses'
import { loadJose } from './internal/lazy-jose'
import { send, type Transport } from './internal/transport'

const jwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string() })) })

/** The verification key resolver plus readiness. */
export interface JwksCache {
  /** A jose key resolver (`jwtVerify(token, cache.resolve)`). */
  resolve: (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>
  /** Load the JWKS now if it is not cached (for readiness checks). */
  warm: () => Promise<void>
}

/**
 * Create a JWKS cache.
 *
 * @param t - transport
 * @param jwksUri - resolves the `jwks_uri` (from discovery)
 * @param options - `cooldownMs` between refetches on a miss, `maxAgeMs` of the cache
 */
export function createJwksCache(
  t: Transport,
  jwksUri: () => Promise<string>,
  options: { cooldownMs: number; maxAgeMs: number },
): JwksCache {
  let cached: { set: ReturnType<typeof createLocalJWKSet>; at: number } | undefined
  let pending: Promise<NonNullable<typeof cached>> | undefined

  const fetchSet = (): Promise<NonNullable<typeof cached>> => {
    pending ??= (async () => {
      const url = await jwksUri()
      const response = await send(t, {
        method: 'GET',
        url,
        kind: 'jwks',
        headers: { accept: 'application/json, application/jwk-set+json' },
        retry: true,
      })
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined)
        throw new MoneyhubError('upstream_error', `JWKS answered ${response.status}`, {
          status: response.status,
          cause: response,
        })
      }
      const body = parseShape(jwksSchema, await readJson(response), response.status)
      const { createLocalJWKSet } = await loadJose()
      const value = { set: createLocalJWKSet(body), at: t.now() }
      cached = value
      return value
    })().finally(() => {
      pending = undefined
    })
    return pending
  }

  const current = async () => {
    if (cached && t.now() - cached.at < options.maxAgeMs) return cached
    return fetchSet()
  }

  return {
    warm: async () => {
      await current()
    },
    resolve: async (header, token) => {
      const entry = await current()
      try {
        return await entry.set(header, token)
      } catch (err) {
        // Loaded already: the set that threw came from it.
        const { errors } = await loadJose()
        const miss = err instanceof errors.JWKSNoMatchingKey
        // One refetch on an unknown kid, but never more often than the cooldown allows.
        if (miss && t.now() - entry.at >= options.cooldownMs) {
          const fresh = await fetchSet()
          return fresh.set(header, token)
        }
        throw err
      }
    },
  }
}
