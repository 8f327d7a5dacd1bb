import type { ClientMetadata } from 'oidc-provider'
import type { JWK } from 'jose'

/**
 * A client registered with the simulator, described with Moneyhub's client metadata names (what
 * a Moneyhub admin-portal registration holds).
 */
export interface SimClient {
  client_id: string
  /** The app's name as people see it on the bank pages; defaults to `client_id`. */
  client_name?: string
  /** Needed for `client_secret_basic`. */
  client_secret?: string
  /** Public keys inline; or `jwks_uri`, fetched lazily when the client first authenticates. */
  jwks?: { keys: JWK[] }
  jwks_uri?: string
  redirect_uris: string[]
  /** Defaults to `private_key_jwt`. */
  token_endpoint_auth_method?: 'private_key_jwt' | 'client_secret_basic'
  /** Defaults to `PS256`. Anything but `none` makes a signed request object mandatory. */
  request_object_signing_alg?: 'none' | 'PS256' | 'ES256' | 'RS256'
  /** Defaults to `PS256`. */
  id_token_signed_response_alg?: 'PS256' | 'ES256' | 'RS256'
  /** Defaults to `authorization_code`, `refresh_token` and `client_credentials`. */
  grant_types?: string[]
  /** Defaults to `['code']`; `code id_token` also needs the `implicit` grant. */
  response_types?: string[]
  /** Scopes the client may use (space-delimited); defaults to every scope Moneyhub defines. */
  scope?: string
}

/**
 * Translate a simulator client into oidc-provider client metadata.
 *
 * @param client - The client as configured.
 * @param allScopes - Every scope the simulator knows, the default allowance.
 * @param bankScopes - The `id:*` scopes, always allowed (Moneyhub gates banks, not scopes).
 * @returns oidc-provider metadata. Throws `TypeError` when the client has neither keys nor a
 *   secret for its auth method.
 */
export function toClientMetadata(
  client: SimClient,
  allScopes: readonly string[],
  bankScopes: readonly string[],
): ClientMetadata {
  const authMethod = client.token_endpoint_auth_method ?? 'private_key_jwt'
  const requestAlg = client.request_object_signing_alg ?? 'PS256'
  if (authMethod === 'private_key_jwt' && !client.jwks && !client.jwks_uri) {
    throw new TypeError(`client ${client.client_id}: private_key_jwt needs jwks or jwks_uri`)
  }
  if (authMethod === 'client_secret_basic' && !client.client_secret) {
    throw new TypeError(`client ${client.client_id}: client_secret_basic needs client_secret`)
  }
  const metadata: ClientMetadata = {
    client_id: client.client_id,
    redirect_uris: client.redirect_uris,
    token_endpoint_auth_method: authMethod,
    // oidc-provider 9 has no unsigned request objects; the simulator unpacks `alg: none` ones
    // before oidc-provider sees them (see unsigned-request-object.ts), so a `none` client is
    // registered with no request-object alg at all.
    require_signed_request_object: requestAlg !== 'none',
    id_token_signed_response_alg: client.id_token_signed_response_alg ?? 'PS256',
    grant_types: client.grant_types ?? [
      'authorization_code',
      'refresh_token',
      'client_credentials',
    ],
    response_types: (client.response_types ?? ['code']) as ClientMetadata['response_types'],
    scope: [...new Set([...(client.scope ?? allScopes.join(' ')).split(' '), ...bankScopes])].join(
      ' ',
    ),
  }
  if (requestAlg !== 'none') metadata.request_object_signing_alg = requestAlg
  if (client.client_name !== undefined) metadata.client_name = client.client_name
  if (client.client_secret) metadata.client_secret = client.client_secret
  if (client.jwks) metadata.jwks = client.jwks
  if (client.jwks_uri) metadata.jwks_uri = client.jwks_uri
  return metadata
}
