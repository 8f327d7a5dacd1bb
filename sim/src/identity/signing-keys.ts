import { randomUUID } from 'node:crypto'
import { exportJWK, generateKeyPair, type JWK } from 'jose'

/** The algorithms the simulator signs ID tokens with, one key each (Moneyhub: RS*, PS*, ES*). */
export const SIGNING_ALGS = ['PS256', 'ES256', 'RS256'] as const

/**
 * Generate one fresh private signing key per supported algorithm, each with a unique `kid`,
 * `alg` and `use: sig`, so oidc-provider picks the key by the client's ID-token alg.
 *
 * @returns Private JWKs for oidc-provider's `jwks` option.
 */
export async function generateSigningKeys(): Promise<JWK[]> {
  return Promise.all(
    SIGNING_ALGS.map(async (alg) => {
      const { privateKey } = await generateKeyPair(alg, { extractable: true })
      const jwk = await exportJWK(privateKey)
      return { ...jwk, alg, use: 'sig', kid: `sim-${alg.toLowerCase()}-${randomUUID()}` }
    }),
  )
}

let processKeys: Promise<JWK[]> | undefined

/**
 * The signing keys simulators in this process start with: generated once (RSA generation is
 * slow on a busy machine) and shared, since each simulator has its own issuer. Rotation always
 * generates fresh keys with {@link generateSigningKeys}.
 *
 * @returns Private JWKs, one per algorithm.
 */
export async function initialSigningKeys(): Promise<JWK[]> {
  processKeys ??= generateSigningKeys()
  return processKeys
}
