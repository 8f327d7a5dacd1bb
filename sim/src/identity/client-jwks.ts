import type { Configuration, KoaContextWithOIDC } from 'oidc-provider'

/**
 * oidc-provider's outgoing `fetch` (used for client `jwks_uri`s) without its SSRF guard.
 *
 * oidc-provider 9 hands every outgoing request an undici dispatcher that destroys sockets to
 * special-use addresses (loopback, private ranges). The kit's dev client registers the BFF's
 * `http://localhost:8787/.well-known/jwks.json`, and tests serve keys on 127.0.0.1, so with the
 * guard every key fetch fails and client authentication answers 401 `invalid_client`. The
 * simulator is for dev and test only, where the relying party runs on loopback (or on a private
 * container network), so the guard is dropped for every host. oidc-provider's 2.5 s timeout and
 * empty `user-agent` stay.
 *
 * @param url - The URL oidc-provider fetches.
 * @param options - oidc-provider's request options, including its `dispatcher`.
 * @returns The response of the platform `fetch`; rejects as `fetch` does (connection refused,
 *   timeout), which oidc-provider reports as `invalid_client`.
 * @see https://github.com/panva/node-oidc-provider/blob/main/docs/README.md#fetch
 */
export const fetchWithoutSsrfGuard: NonNullable<Configuration['fetch']> = async (url, options) => {
  const { dispatcher: _dispatcher, ...rest } = options as RequestInit & { dispatcher?: unknown }
  return globalThis.fetch(url, rest)
}

/**
 * After a failed client authentication, make the client's `jwks_uri` keys stale so the next
 * attempt fetches them again.
 *
 * oidc-provider refetches a `jwks_uri` at most once a minute, even when an assertion's `kid` is
 * unknown, and it keeps a non-200 answer (say, the BFF still starting behind a proxy) for those
 * 60 s too. A relying party that started late or rotated its key would then fail for a minute;
 * Moneyhub picks new keys up sooner. Call it after the request has been handled. Clients with
 * inline keys are left alone.
 *
 * @param ctx - The Koa context of a finished oidc-provider request.
 * @see https://github.com/panva/node-oidc-provider/blob/main/lib/models/client.js
 */
export function forgetFailedClientKeys(ctx: KoaContextWithOIDC): void {
  const client = (ctx.oidc as KoaContextWithOIDC['oidc'] | undefined)?.client
  const failed =
    ctx.status === 401 || (ctx.body as { error?: unknown } | undefined)?.error === 'invalid_client'
  if (failed && client?.jwksUri) {
    // `freshUntil` is oidc-provider's own cache marker (lib/models/client.js, ClientKeyStore).
    ;(client.asymmetricKeyStore as { freshUntil?: number | undefined }).freshUntil = undefined
  }
}
