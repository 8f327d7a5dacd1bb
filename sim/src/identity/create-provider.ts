import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider'
import type { JWK } from 'jose'
import { AuthScope, ClaimName, ClientScope, DataScope } from '@mhkit/shared'

import { SIM_BANKS } from '../banks'
import type { SimState } from '../state'
import type { SimOidcStore } from './memory-adapter'
import { addMoneyhubIdTokenClaims } from './moneyhub-id-token'
import { authorizationRules } from './authorization-rules'
import { fetchWithoutSsrfGuard } from './client-jwks'
import {
  CLIENT_CREDENTIALS_PARAMS,
  clientCredentialsGrant,
  tokenSubjects,
} from './client-credentials-grant'
import { toClientMetadata, type SimClient } from './sim-client'
import { SIGNING_ALGS } from './signing-keys'

/** Every scope string Moneyhub defines; the default allowance of a simulator client. */
const ALL_SCOPES: readonly string[] = [
  ...new Set<string>([
    ...Object.values(AuthScope),
    ...Object.values(DataScope),
    ...Object.values(ClientScope),
  ]),
]

/**
 * `id:*` scopes as static scopes: oidc-provider drops scopes it does not know before the
 * request reaches the bank pages, so every bank id and bank set is registered.
 */
const BANK_SCOPES: readonly string[] = [
  ...['all', 'api', 'test', 'legacy'].map((set) => `id:${set}`),
  ...SIM_BANKS.map((bank) => `id:${bank.id}`),
]

/** Everything a provider instance is built from. */
export interface ProviderInputs {
  issuer: string
  clients: SimClient[]
  keys: JWK[]
  cookieKeys: string[]
  store: SimOidcStore
  state: SimState
  now: () => Date
  /** Path prefix of the bank pages on the identity host (`/interaction`). */
  interactionPath: string
}

// oidc-provider calls the validator once per extraParams entry; this name is never sent by
// clients and only hosts the Moneyhub rules (run after oidc-provider's own checks).
const RULES_PARAM = 'x_sim_rules'

/**
 * Build the oidc-provider instance configured like Moneyhub's identity service: PAR at
 * `/request`, request objects, the claims parameter, `private_key_jwt` and
 * `client_secret_basic`, PS256/ES256/RS256, PKCE S256, 10-minute single-use codes, rotating
 * refresh tokens, and Moneyhub's `client_credentials` grant with `sub`.
 *
 * @param inputs - Issuer, clients, keys and the simulator's state.
 * @returns The provider, not yet mounted. Throws `TypeError` for a client without keys.
 * @see https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
 */
export function createProvider(inputs: ProviderInputs): Provider {
  const { state, now } = inputs
  const configuration: Configuration = {
    adapter: inputs.store.factory,
    clients: inputs.clients.map((client) => toClientMetadata(client, ALL_SCOPES, BANK_SCOPES)),
    jwks: { keys: inputs.keys },
    cookies: { keys: inputs.cookieKeys },
    scopes: [...ALL_SCOPES, ...BANK_SCOPES],
    claims: {
      openid: ['sub'],
      sid: null,
      auth_time: null,
      ...Object.fromEntries(
        Object.values(ClaimName)
          .filter((name) => name !== 'sub')
          .map((name) => [name, null]),
      ),
    },
    routes: { jwks: '/certs' },
    responseTypes: ['code', 'code id_token', 'id_token'],
    pkce: { required: () => false },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: { enabled: false },
      requestObjects: { enabled: true, requireSignedRequestObject: false },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
    },
    enabledJWA: {
      idTokenSigningAlgValues: [...SIGNING_ALGS],
      requestObjectSigningAlgValues: [...SIGNING_ALGS],
      clientAuthSigningAlgValues: ['HS256', ...SIGNING_ALGS],
    },
    clientAuthMethods: ['client_secret_basic', 'client_secret_jwt', 'private_key_jwt'],
    ttl: {
      AuthorizationCode: 600,
      AccessToken: 3600,
      ClientCredentials: 7200,
      IdToken: 3600,
      RefreshToken: 90 * 24 * 3600,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 90 * 24 * 3600,
    },
    // Client jwks_uri keys live on loopback in dev and test (the BFF): see client-jwks.ts.
    fetch: fetchWithoutSsrfGuard,
    rotateRefreshToken: true,
    extraTokenClaims: (_ctx, token) => {
      const sub = tokenSubjects.get(token)
      return sub === undefined ? undefined : { sub }
    },
    extraParams: { [RULES_PARAM]: authorizationRules(state, now) },
    // Every authorisation is a fresh consent (a new connection or payment), as at Moneyhub:
    // never reuse a grant from an earlier flow in the same browser session.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined
    },
    findAccount: (ctx, sub, token) => {
      if (!state.users.has(sub)) return undefined
      return {
        accountId: sub,
        claims: () => {
          const grantId =
            (token as { grantId?: string } | undefined)?.grantId ?? ctx.oidc.entities.Grant?.jti
          const outcome = grantId ? state.grantOutcomes.get(grantId) : undefined
          const claims: Record<string, string> = { sub }
          if (outcome?.connectionId) claims[ClaimName.connectionId] = outcome.connectionId
          if (outcome?.paymentId) claims[ClaimName.payment] = outcome.paymentId
          if (outcome?.reversePaymentId) claims[ClaimName.reversePayment] = outcome.reversePaymentId
          if (outcome?.standingOrderId) claims[ClaimName.standingOrder] = outcome.standingOrderId
          if (outcome?.recurringPaymentId) {
            claims[ClaimName.recurringPayment] = outcome.recurringPaymentId
          }
          return claims as { sub: string }
        },
      }
    },
    interactions: {
      url: (_ctx, interaction) => `${inputs.interactionPath}/${interaction.uid}`,
    },
    renderError: (ctx, out) => {
      // Plain text keeps the page free of scripts; the OAuth error code stays visible for tests.
      ctx.type = 'text/plain; charset=utf-8'
      ctx.body = `${out.error}: ${out.error_description ?? ''}`
    },
  }

  const provider = new Provider(inputs.issuer, configuration)
  provider.registerGrantType(
    'client_credentials',
    clientCredentialsGrant(provider, state, inputs.store),
    [...CLIENT_CREDENTIALS_PARAMS],
  )
  addMoneyhubIdTokenClaims(provider)
  return provider
}
