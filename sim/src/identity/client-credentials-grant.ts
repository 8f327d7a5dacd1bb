import { errors, type KoaContextWithOIDC, type Provider } from 'oidc-provider'
import { isClientScope, isUserDataScope, parseScopes } from '@mhkit/shared'

import type { SimState } from '../state'
import type { SimOidcStore } from './memory-adapter'

/**
 * The user each token-for-user was issued for; read back by oidc-provider's
 * `extraTokenClaims` hook (which owns the token's `extra` member when it is saved).
 */
export const tokenSubjects = new WeakMap<object, string>()

/** Form parameters Moneyhub's `client_credentials` grant takes (besides client authentication). */
export const CLIENT_CREDENTIALS_PARAMS = ['scope', 'sub'] as const

/**
 * Moneyhub's `client_credentials` grant: client-level scopes without `sub`, or user data scopes
 * with the `sub` form parameter naming an existing user ("token for user"). oidc-provider's
 * built-in grant knows neither rule, so this handler replaces it via `registerGrantType`.
 *
 * Errors: `invalid_scope` (no scope, a scope the client may not use, a client-level scope with
 * `sub`), `invalid_request` (a user data scope without `sub`, an unknown `sub`), `invalid_grant`
 * (400 `{"error":"invalid_grant","error_description":"grant request is invalid"}`: the user's
 * consent to this client has lapsed — every grant they gave it was revoked or has expired; see
 * {@link SimOidcStore.consentLapsed}). A connection whose bank consent expired does not refuse
 * the token: the data API answers 403 `consent_expired` instead (docs/moneyhub-protocol.md §9.6).
 *
 * @param provider - The oidc-provider instance (for its `ClientCredentials` model).
 * @param state - The simulator's users.
 * @param store - The simulator's grants (whether a user's consent has lapsed).
 * @returns A grant handler for `provider.registerGrantType`.
 * @see https://docs.moneyhubenterprise.com/docs/client-credentials-token
 */
export function clientCredentialsGrant(provider: Provider, state: SimState, store: SimOidcStore) {
  return async function clientCredentialsHandler(ctx: KoaContextWithOIDC): Promise<void> {
    const client = ctx.oidc.client
    if (!client) throw new errors.InvalidClient('client authentication failed')
    const params = (ctx.oidc.params ?? {}) as { scope?: unknown; sub?: unknown }
    const scopes = typeof params.scope === 'string' ? parseScopes(params.scope) : []
    if (scopes.length === 0) throw new errors.InvalidScope('scope is required', '')

    const allowed = new Set((client.scope ?? '').split(' '))
    for (const scope of scopes) {
      if (!allowed.has(scope))
        throw new errors.InvalidScope('requested scope is not allowed', scope)
    }

    const sub = typeof params.sub === 'string' && params.sub !== '' ? params.sub : undefined
    if (sub !== undefined) {
      const clientLevel = scopes.find((scope) => !isUserDataScope(scope))
      if (clientLevel !== undefined) {
        throw new errors.InvalidScope('client-level scopes cannot be used with sub', clientLevel)
      }
      if (!state.users.has(sub))
        throw new errors.InvalidRequest('sub does not name an existing user')
      if (store.consentLapsed(client.clientId, sub)) {
        throw new errors.InvalidGrant('the consent of this user was revoked or has expired')
      }
    } else {
      const userLevel = scopes.find((scope) => !isClientScope(scope))
      if (userLevel !== undefined) {
        throw new errors.InvalidRequest(`sub is required for the user data scope ${userLevel}`)
      }
    }

    const token = new provider.ClientCredentials({ client, scope: scopes.join(' ') })
    if (sub !== undefined) tokenSubjects.set(token, sub)
    ctx.oidc.entity('ClientCredentials', token)
    const value = await token.save()

    ctx.body = {
      access_token: value,
      expires_in: token.expiration,
      token_type: 'Bearer',
      scope: token.scope,
    }
  }
}
