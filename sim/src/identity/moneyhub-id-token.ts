import type Provider from 'oidc-provider'
import type { KoaContextWithOIDC } from 'oidc-provider'

interface IdTokenInternals {
  ctx?: KoaContextWithOIDC
  extra?: Record<string, unknown>
  set(key: string, value: unknown): void
}

type Issue = (this: IdTokenInternals, options?: { use?: string }) => Promise<string>

/**
 * Make token-endpoint ID tokens carry `at_hash` and `sid` like Moneyhub's
 * (docs/moneyhub-protocol.md §7.3). oidc-provider 9 adds `at_hash` only on the front channel and
 * `sid` only for back-channel logout clients. The ID token model hashes whatever value is set under
 * `at_hash`, so this sets the access token value (the opaque token's id) before issuing; and every
 * client is treated as wanting `sid`.
 *
 * @param provider - The provider whose `IdToken` and `Client` models to extend.
 */
export function addMoneyhubIdTokenClaims(provider: Provider): void {
  ;(provider.Client.prototype as unknown as { includeSid: () => boolean }).includeSid = () => true
  const prototype = (provider.IdToken as unknown as { prototype: { issue: Issue } }).prototype
  const issue = prototype.issue
  prototype.issue = async function issueWithAtHash(this: IdTokenInternals, options) {
    const ctx = this.ctx
    if (options?.use === 'idtoken' && ctx?.oidc.route === 'token' && !this.extra?.at_hash) {
      const accessToken = ctx.oidc.entities.AccessToken
      if (accessToken?.jti) this.set('at_hash', accessToken.jti)
    }
    return issue.call(this, options)
  }
}
