/**
 * `createMoneyhubClient`: wires configuration, transport, discovery and JWKS caches, the token
 * cache and every operation into one object. No hidden globals: two clients share nothing.
 */
import type { JWK } from 'jose'
import { ACCOUNT_SCOPES, getAccount, getAccounts, getBalances } from './accounts'
import {
  exchangeCode,
  type ExchangeCodeParams,
  type ExchangeCodeResult,
  type TokenSet,
} from './authorization-code'
import { type BankListKind, listBanks } from './banks'
import { assertScopes, assertSub, requestClientCredentials } from './client-credentials'
import {
  deleteConnection,
  listConnections,
  syncConnection,
  updateConnectionExpiry,
} from './connections'
import { createDiscoveryCache, type DiscoveryDocument, loadDiscovery } from './discovery'
import { MoneyhubError } from './errors'
import { requesterFromFetch, type FetchLike, type HttpRequester } from './http'
import {
  type IdTokenAlg,
  type IdTokenClaims,
  type IdTokenExpectations,
  type IdTokenVerifier,
  verifyIdToken,
} from './id-token'
import type { ClientContext } from './internal/context'
import type { TokenSource } from './internal/rest'
import { assertSecureUrl, createBreaker, type Transport } from './internal/transport'
import { createJwksCache } from './jwks'
import { type ClientKeys, type MoneyhubAuthMethod, publicJwks } from './keys'
import type { PageQuery } from './page-query'
import {
  type AuthorisationParams,
  authorisationUrl,
  type PushedAuthorisation,
  pushedAuthorisationRequest,
} from './par'
import {
  createPayee,
  type CreatePayeeInput,
  getPayee,
  getPayment,
  getStandingOrder,
  listPayments,
  type PaymentsQuery,
} from './payments'
import { verifySecurityEventToken, type SecurityEventTokenClaims } from './security-event-token'
import {
  confirmFunds,
  type ConfirmFundsInput,
  getRecurringPayment,
  payRecurringPayment,
  type PayRecurringPaymentInput,
  revokeRecurringPayment,
} from './recurring-payments'
import { createRefresher } from './refresh'
import { revokeToken } from './revocation'
import type {
  MhAccount,
  MhBalance,
  MhBank,
  MhConnection,
  MhFundsConfirmation,
  MhPage,
  MhPayee,
  MhPayment,
  MhRecurringPayment,
  MhRecurringPaymentResult,
  MhStandingOrderRequest,
  MhSyncResult,
  MhTransaction,
  MhUser,
} from './schemas'
import { type AccessToken, createTokenCache, type TokenCache, tokenCacheKey } from './token-cache'
import { getTransactions, TRANSACTION_SCOPES, type TransactionsQuery } from './transactions'
import type {
  CircuitBreakerOptions,
  MoneyhubLogger,
  MoneyhubRetryOptions,
  MoneyhubTimeouts,
} from './transport-options'
import { deleteUser, getUser, registerUser } from './users'

/**
 * Whose data a data-API read is for: a Moneyhub user id (the client gets and caches a
 * `client_credentials` token with `sub` and the call's scopes), or `{ accessToken }`, a user
 * access token the caller already holds — e.g. the code-exchange token of a one-time consent,
 * which reads that consent's connection only (docs/moneyhub-protocol.md §4.2, §5.1). A given token
 * is sent as it is: never cached, renewed or retried after a 401 (which fails as `unauthorized`).
 */
export type DataSubject = string | { accessToken: string }

/** Options of {@link createMoneyhubClient}. */
export interface MoneyhubClientOptions {
  /** The identity issuer, e.g. `https://identity.moneyhub.co.uk/oidc`; compared exactly. */
  issuer: string
  clientId: string
  /** The registered redirect URI; sent at PAR and at code exchange, never derived from a request. */
  redirectUri: string
  keys: ClientKeys
  /** Data API base, e.g. `https://api.moneyhub.co.uk/v3`. */
  apiUrl: string
  /** Identity REST host (users, payments...); defaults to the issuer's origin. */
  identityUrl?: string
  /**
   * A `fetch` for every upstream call (default the global `fetch`); used only when `request`
   * is absent.
   */
  fetch?: FetchLike
  /**
   * The HTTP seam every upstream call goes through: data API, identity REST, bank lists, and
   * oauth4webapi's discovery, PAR, token and JWKS requests. Takes precedence over `fetch`. The
   * BFF passes `createHttpTransport().request` (keep-alive pools on `node:http`).
   */
  request?: HttpRequester
  /**
   * A circuit breaker per upstream, identity and data API (docs/security.md R11): after
   * `failureThreshold` consecutive failed calls (default 5) calls fail at once with
   * `upstream_unavailable` and `retryAfter` for `openMs` (default 10 s), then one probe call
   * decides. `false` turns it off.
   */
  circuitBreaker?: CircuitBreakerOptions | false
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number
  /** Allow `http://` for loopback hosts only (the simulator). */
  allowInsecureLoopback?: boolean
  timeouts?: MoneyhubTimeouts
  retry?: MoneyhubRetryOptions
  /**
   * The access-token cache: `{ maxEntries }` for one in process memory (default, 10 000
   * entries), or a shared one (`createSharedTokenCache`) so several instances ask Moneyhub once.
   */
  tokenCache?: { maxEntries?: number } | TokenCache
  logger?: MoneyhubLogger
  authMethod?: MoneyhubAuthMethod
  /** The registered `id_token_signed_response_alg` (default `RS256`, Moneyhub's documented default). */
  idTokenAlg?: IdTokenAlg
  /** ID-token clock tolerance in seconds, clamped to 10–30 (default 15). */
  clockToleranceSeconds?: number
  /** Discovery cache lifetime in ms (default 1 h). */
  discoveryTtlMs?: number
  /** Minimum time between two JWKS refetches in ms (default 30 s). */
  jwksCooldownMs?: number
  /** Maximum JWKS cache age in ms (default 10 min). */
  jwksMaxAgeMs?: number
}

/** The Moneyhub protocol and data client. */
export interface MoneyhubClient {
  readonly clientId: string
  readonly issuer: string
  discovery(): Promise<DiscoveryDocument>
  pushedAuthorisationRequest(params: AuthorisationParams): Promise<PushedAuthorisation>
  authorisationUrl(params: { requestUri: string } | AuthorisationParams): Promise<string>
  exchangeCode(params: ExchangeCodeParams): Promise<ExchangeCodeResult>
  verifyIdToken(idToken: string, expectations: IdTokenExpectations): Promise<IdTokenClaims>
  /** Verifies a JWT-format webhook (docs/webhooks.md); throws `invalid_security_event_token`. */
  verifySecurityEventToken(
    token: string,
    options?: { maxAgeSeconds?: number },
  ): Promise<SecurityEventTokenClaims>
  refreshToken(refreshToken: string, options?: { sub?: string }): Promise<TokenSet>
  tokenForUser(sub: string, scopes: readonly string[]): Promise<AccessToken>
  clientToken(scopes: readonly string[]): Promise<AccessToken>
  /** Forget cached tokens for one user (after logout or a 401). */
  forgetUser(sub: string): Promise<void>
  /**
   * Revoke a token at the provider's `revocation_endpoint` (RFC 7009); `{ revoked: false }`
   * without a call when the provider advertises none.
   */
  revokeToken(token: string, hint?: 'refresh_token' | 'access_token'): Promise<{ revoked: boolean }>

  registerUser(input?: { clientUserId?: string }): Promise<MhUser>
  getUser(userId: string): Promise<MhUser>
  deleteUser(userId: string): Promise<void>
  listConnections(userId: string): Promise<MhConnection[]>
  deleteConnection(userId: string, connectionId: string): Promise<void>
  updateConnectionExpiry(userId: string, connectionId: string, expiresAt: string): Promise<void>
  syncConnection(
    userId: string,
    connectionId: string,
    body?: { enableAsync?: boolean; customerIpAddress?: string; customerLastLoggedTime?: string },
  ): Promise<MhSyncResult>
  /** `GET /accounts` for a user id or with a given access token ({@link DataSubject}). */
  getAccounts(subject: DataSubject, query?: PageQuery): Promise<MhPage<MhAccount>>
  /** `GET /accounts/{id}` for a user id or with a given access token. */
  getAccount(subject: DataSubject, accountId: string): Promise<MhAccount>
  /** `GET /accounts/{id}/balances` for a user id or with a given access token. */
  getBalances(subject: DataSubject, accountId: string): Promise<MhBalance[]>
  /** `GET /transactions` for a user id or with a given access token. */
  getTransactions(subject: DataSubject, query?: TransactionsQuery): Promise<MhPage<MhTransaction>>
  getPayment(paymentId: string): Promise<MhPayment>
  listPayments(query?: PaymentsQuery): Promise<MhPage<MhPayment>>
  createPayee(input: CreatePayeeInput): Promise<MhPayee>
  getPayee(payeeId: string): Promise<MhPayee>
  getStandingOrder(standingOrderId: string): Promise<MhStandingOrderRequest>
  getRecurringPayment(recurringPaymentId: string): Promise<MhRecurringPayment>
  payRecurringPayment(
    recurringPaymentId: string,
    input: PayRecurringPaymentInput,
  ): Promise<MhRecurringPaymentResult>
  revokeRecurringPayment(recurringPaymentId: string): Promise<void>
  confirmFunds(recurringPaymentId: string, input: ConfirmFundsInput): Promise<MhFundsConfirmation>
  listBanks(kind: BankListKind): Promise<MhBank[]>
  /** Readiness for `/readyz`: can discovery and the JWKS be loaded right now? */
  ready(): Promise<{ discovery: boolean; jwks: boolean }>
  /** The client's public JWKS (same as `publicJwks(keys)`). */
  publicJwks(): { keys: JWK[] }
}

const DEFAULT_TIMEOUTS = { identity: 10_000, jwks: 5_000, data: 15_000 }

// A bearer token as RFC 6750 writes it: no spaces or control characters (no header injection).
const BEARER = /^[A-Za-z0-9\-._~+/]+=*$/

/**
 * A {@link TokenSource} over an access token the caller holds (e.g. a one-time consent's
 * code-exchange token). The client cannot renew it: after a 401 the retry fails at once as
 * `unauthorized` instead of sending the same token again.
 *
 * @throws TypeError when the token is not a bearer token string of at most 4096 characters
 */
function givenToken(subject: { accessToken: string }): TokenSource {
  const accessToken: unknown = (subject as { accessToken?: unknown } | null)?.accessToken
  if (typeof accessToken !== 'string' || accessToken.length > 4096 || !BEARER.test(accessToken)) {
    throw new TypeError('accessToken must be a bearer token string')
  }
  let refused = false
  return {
    get: () =>
      refused
        ? Promise.reject(new MoneyhubError('unauthorized', 'The given access token was refused'))
        : // The expiry is the caller's to track; the client only sends the token.
          Promise.resolve({ accessToken, expiresAt: Number.POSITIVE_INFINITY }),
    invalidate: () => {
      refused = true
    },
  }
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`${name} must be a non-empty string`)
  return value
}

/**
 * Create a Moneyhub client.
 *
 * @param options - issuer, client id, redirect URI, keys, hosts, and injectable fetch / clock /
 *   random / sleep / logger (see `MoneyhubClientOptions`)
 * @returns the client; nothing is fetched until the first call
 * @throws TypeError for missing or insecure configuration (http is accepted only for loopback
 *   hosts with `allowInsecureLoopback`)
 * @see ./README.md
 */
export function createMoneyhubClient(options: MoneyhubClientOptions): MoneyhubClient {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('options must be an object')
  const insecure = options.allowInsecureLoopback === true
  const issuer = requireString(options.issuer, 'issuer')
  const issuerUrl = assertSecureUrl(issuer, insecure, 'issuer')
  const clientId = requireString(options.clientId, 'clientId')
  const redirectUri = requireString(options.redirectUri, 'redirectUri')
  new URL(redirectUri) // a malformed redirect URI is a configuration error
  const apiUrl = assertSecureUrl(requireString(options.apiUrl, 'apiUrl'), insecure, 'apiUrl').href
  const identityUrl = assertSecureUrl(
    options.identityUrl ?? issuerUrl.origin,
    insecure,
    'identityUrl',
  ).href
  if (!options.keys?.signing) throw new TypeError('keys must come from loadClientKeys()')
  const authMethod = options.authMethod ?? 'private_key_jwt'
  if (authMethod !== 'private_key_jwt' && typeof authMethod?.clientSecretBasic !== 'string') {
    throw new TypeError("authMethod must be 'private_key_jwt' or { clientSecretBasic }")
  }
  const tolerance = Math.min(30, Math.max(10, options.clockToleranceSeconds ?? 15))
  const retry = options.retry ?? {}
  const globalFetch: typeof fetch = fetch
  const t: Transport = {
    request:
      options.request ??
      requesterFromFetch(options.fetch ?? ((input, init) => globalFetch(input, init))),
    now: options.now ?? Date.now,
    random: retry.random ?? Math.random,
    sleep: retry.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    ...(options.logger ? { logger: options.logger } : {}),
    allowInsecureLoopback: insecure,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    maxRetries: Math.min(2, retry.maxRetries ?? 2),
    baseDelayMs: retry.baseDelayMs ?? 200,
    maxRetryAfterMs: retry.maxRetryAfterMs ?? 5_000,
  }
  if (options.circuitBreaker !== false) {
    t.breakers = {
      identity: createBreaker(t.now, 'identity', options.circuitBreaker),
      data: createBreaker(t.now, 'data', options.circuitBreaker),
    }
  }

  const ctx: ClientContext = {
    t,
    issuer,
    clientId,
    redirectUri,
    keys: options.keys,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    identityUrl: identityUrl.replace(/\/+$/, ''),
    authMethod,
    idTokenAlg: options.idTokenAlg ?? 'RS256',
    toleranceSeconds: tolerance,
    discovery: createDiscoveryCache(
      () => loadDiscovery(issuer, t),
      t,
      options.discoveryTtlMs ?? 3_600_000,
    ),
  }

  const jwks = createJwksCache(t, async () => (await ctx.discovery()).jwks_uri, {
    cooldownMs: options.jwksCooldownMs ?? 30_000,
    maxAgeMs: options.jwksMaxAgeMs ?? 600_000,
  })
  const verifier: IdTokenVerifier = {
    issuer,
    clientId,
    alg: ctx.idTokenAlg,
    toleranceSeconds: tolerance,
    now: t.now,
    jwks,
  }
  const refresh = createRefresher(ctx, verifier)
  const given = options.tokenCache
  const cache =
    given !== undefined && 'get' in given
      ? given
      : createTokenCache(given?.maxEntries ?? 10_000, t.now)

  const cachedToken = (
    sub: string | undefined,
    scopes: readonly string[],
  ): Promise<AccessToken> => {
    assertScopes(scopes)
    if (sub !== undefined) assertSub(sub)
    return cache.get(tokenCacheKey(sub, scopes), () => requestClientCredentials(ctx, sub, scopes))
  }
  const source = (sub: string | undefined, scopes: readonly string[]): TokenSource => ({
    get: () => cachedToken(sub, scopes),
    invalidate: () => cache.delete(tokenCacheKey(sub, scopes)),
  })
  const user = (userId: string, scopes: readonly string[]) => {
    assertSub(userId)
    return source(userId, scopes)
  }
  const clientLevel = (...scopes: string[]) => source(undefined, scopes)
  const data = (subject: DataSubject, scopes: readonly string[]): TokenSource =>
    typeof subject === 'string' ? user(subject, scopes) : givenToken(subject)

  return {
    clientId,
    issuer,
    discovery: async () => ({ ...(await ctx.discovery()) }),
    pushedAuthorisationRequest: async (params) => pushedAuthorisationRequest(ctx, params),
    authorisationUrl: async (params) => authorisationUrl(ctx, params),
    exchangeCode: async (params) => exchangeCode(ctx, verifier, params),
    verifyIdToken: async (idToken, expectations) => verifyIdToken(verifier, idToken, expectations),
    verifySecurityEventToken: async (token, opts) =>
      verifySecurityEventToken(
        {
          issuers: [...new Set([issuer, issuerUrl.origin])],
          clientId,
          // Moneyhub signs webhooks with RS256 in its example; the registered ID-token alg too.
          algorithms: [...new Set(['RS256', ctx.idTokenAlg])],
          toleranceSeconds: tolerance,
          now: t.now,
          jwks,
        },
        token,
        opts,
      ),
    refreshToken: async (refreshToken, opts) => refresh(refreshToken, opts),
    tokenForUser: async (sub, scopes) => {
      assertSub(sub)
      return cachedToken(sub, scopes)
    },
    clientToken: async (scopes) => cachedToken(undefined, scopes),
    forgetUser: async (sub) => {
      await cache.deletePrefix(`user:${sub}\u0000`)
    },
    revokeToken: async (token, hint) => revokeToken(ctx, token, hint),

    registerUser: async (input) => registerUser(ctx, clientLevel('user:create'), input),
    getUser: async (userId) => getUser(ctx, clientLevel('user:read'), userId),
    deleteUser: async (userId) => deleteUser(ctx, clientLevel('user:delete'), userId),
    listConnections: async (userId) => listConnections(ctx, clientLevel('connection:read'), userId),
    deleteConnection: async (userId, connectionId) =>
      deleteConnection(ctx, clientLevel('connection:delete'), userId, connectionId),
    updateConnectionExpiry: async (userId, connectionId, expiresAt) =>
      updateConnectionExpiry(
        ctx,
        clientLevel('connection:update'),
        userId,
        connectionId,
        expiresAt,
      ),
    syncConnection: async (userId, connectionId, body) =>
      syncConnection(
        ctx,
        user(userId, ['accounts:read', 'accounts:write:all']),
        connectionId,
        body,
      ),
    getAccounts: async (subject, query) => getAccounts(ctx, data(subject, ACCOUNT_SCOPES), query),
    getAccount: async (subject, accountId) =>
      getAccount(ctx, data(subject, ACCOUNT_SCOPES), accountId),
    getBalances: async (subject, accountId) =>
      getBalances(ctx, data(subject, ACCOUNT_SCOPES), accountId),
    getTransactions: async (subject, query) =>
      getTransactions(ctx, data(subject, TRANSACTION_SCOPES), query),
    getPayment: async (paymentId) => getPayment(ctx, clientLevel('payment:read'), paymentId),
    listPayments: async (query) => listPayments(ctx, clientLevel('payment:read'), query),
    createPayee: async (input) => createPayee(ctx, clientLevel('payee:create'), input),
    getPayee: async (payeeId) => getPayee(ctx, clientLevel('payee:read'), payeeId),
    getStandingOrder: async (id) => getStandingOrder(ctx, clientLevel('payment:read'), id),
    getRecurringPayment: async (id) =>
      getRecurringPayment(ctx, clientLevel('recurring_payment:read'), id),
    payRecurringPayment: async (id, input) =>
      payRecurringPayment(ctx, clientLevel('recurring_payment:create'), id, input),
    revokeRecurringPayment: async (id) =>
      revokeRecurringPayment(ctx, clientLevel('recurring_payment:create'), id),
    confirmFunds: async (id, input) =>
      confirmFunds(ctx, clientLevel('recurring_payment:funds_confirmation'), id, input),
    listBanks: async (kind) => listBanks(ctx, kind),
    ready: async () => {
      const discovery = await ctx.discovery().then(
        () => true,
        () => false,
      )
      const keys = discovery
        ? await jwks.warm().then(
            () => true,
            () => false,
          )
        : false
      return { discovery, jwks: keys }
    },
    publicJwks: () => publicJwks(options.keys),
  }
}
