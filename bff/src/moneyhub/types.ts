/**
 * Public types of the Moneyhub client: options, results and the client interface.
 * Upstream (wire) shapes live in `schemas/`; these are the shapes callers see.
 */
import type { HttpRequester } from './http'
import type { JWK } from 'jose'
import type { ClientKeys } from './keys'
import type { SecurityEventTokenClaims } from './security-event-token'
import type { TokenCache } from './token-cache'
import type {
  MhAccount,
  MhBalance,
  MhBank,
  MhConnection,
  MhFundsConfirmation,
  MhPayee,
  MhPayment,
  MhRecurringPayment,
  MhRecurringPaymentResult,
  MhStandingOrderRequest,
  MhSyncResult,
  MhTransaction,
  MhUser,
  MhPage,
} from './schemas'

/** Minimal logger; pino's `logger.info(fields, msg)` signature fits. Never given secrets. */
export interface MoneyhubLogger {
  debug(fields: Record<string, unknown>, msg: string): void
  info(fields: Record<string, unknown>, msg: string): void
  warn(fields: Record<string, unknown>, msg: string): void
  error(fields: Record<string, unknown>, msg: string): void
}

/** Timeouts in milliseconds, enforced with `AbortSignal` on every call. */
export interface MoneyhubTimeouts {
  /** Discovery, PAR, token, identity REST (default 10 000). */
  identity?: number
  /** JWKS fetches (default 5 000). */
  jwks?: number
  /** Data API (default 15 000). */
  data?: number
}

/** Retry policy for idempotent GETs; `random` and `sleep` are injectable so tests never wait. */
export interface MoneyhubRetryOptions {
  /** Retries after the first attempt (default 2, at most 2). */
  maxRetries?: number
  /** First backoff step in ms (default 200); doubles per attempt, full jitter. */
  baseDelayMs?: number
  /** Longest `Retry-After` waited inline, in ms (default 5 000); beyond it fail fast. */
  maxRetryAfterMs?: number
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** Circuit breaker settings (checklist R11), per upstream. */
export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit (default 5). */
  failureThreshold?: number
  /** How long an open circuit refuses calls before letting one probe through (default 10 s). */
  openMs?: number
}

/** The fetch signature the client uses (the global `fetch` fits). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

/** How the client authenticates at the token and PAR endpoints. */
export type MoneyhubAuthMethod = 'private_key_jwt' | { clientSecretBasic: string }

/** ID-token signing algorithms the client can be registered with. */
export type IdTokenAlg = 'RS256' | 'PS256' | 'ES256'

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
  fetch?: FetchLike
  /**
   * The lean HTTP seam for REST calls (data API, identity REST, bank lists); built from
   * `fetch` when absent. The BFF passes its pooled one (`createPooledFetch().request`).
   */
  request?: HttpRequester
  /**
   * A circuit breaker per upstream, identity and data API (checklist R11): after
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

/** A claims request as sent in the `claims` parameter (`@mhkit/shared` `ClaimsRequest` fits). */
export interface ClaimsRequestLike {
  id_token?: Record<string, unknown>
  userinfo?: Record<string, unknown>
}

/** Parameters of an authorisation request. */
export interface AuthorisationParams {
  scope: string
  claims?: ClaimsRequestLike
  state: string
  nonce: string
  codeVerifier: string
  /** Moneyhub only accepts `consent` (the default). */
  prompt?: 'consent'
}

/** Result of {@link MoneyhubClient.pushedAuthorisationRequest}. */
export interface PushedAuthorisation {
  requestUri: string
  expiresIn: number
  /** Where to send the browser: authorization_endpoint with client_id and request_uri. */
  url: string
}

/** What the caller expects back in the ID token (protocol §7.3, checklist P19). */
export interface ExpectedClaims {
  /** The user id sent in `claims.id_token.sub.value`; the ID token `sub` must equal it. */
  sub?: string
  /** `true`: `mh:con_id` must be present; a string: it must equal that id (reauth, reconsent). */
  connectionId?: boolean | string
  payment?: boolean
  standingOrder?: boolean
  recurringPayment?: boolean
  reversePayment?: boolean
}

/** Expectations for {@link MoneyhubClient.verifyIdToken}. */
export interface IdTokenExpectations extends ExpectedClaims {
  /** The nonce sent; omit only for refresh-response ID tokens. */
  nonce?: string
  /** Maximum age of `iat` in seconds (default 3600). */
  maxAgeSeconds?: number
}

/** Verified ID-token claims (the payload). */
export type IdTokenClaims = Record<string, unknown> & {
  iss: string
  sub: string
  aud: string | string[]
  exp: number
  iat: number
}

/** A user token set; stays in the BFF, never reaches the browser. */
export interface TokenSet {
  accessToken: string
  refreshToken?: string
  /** Epoch ms. */
  expiresAt: number
  scope?: string
  idToken?: string
}

/** Parameters of {@link MoneyhubClient.exchangeCode}. */
export interface ExchangeCodeParams {
  callbackParams: URLSearchParams | URL
  expectedState: string
  expectedNonce: string
  codeVerifier: string
  /** Moneyhub's `sub` extension, when the user is known. */
  sub?: string
  expectedClaims?: ExpectedClaims
}

/** Result of {@link MoneyhubClient.exchangeCode}. */
export interface ExchangeCodeResult {
  sub: string
  connectionId?: string
  paymentId?: string
  standingOrderId?: string
  recurringPaymentId?: string
  reversePaymentId?: string
  claims: IdTokenClaims
  tokens: TokenSet & { idToken: string }
}

/** An access token from the client-credentials cache. */
export interface AccessToken {
  accessToken: string
  /** Epoch ms. */
  expiresAt: number
}

/**
 * Whose data a data-API read is for: a Moneyhub user id (the client gets and caches a
 * `client_credentials` token with `sub` and the call's scopes), or `{ accessToken }`, a user
 * access token the caller already holds — e.g. the code-exchange token of a one-time consent,
 * which reads that consent's connection only (protocol §4.2, §5.1). A given token is sent as
 * it is: never cached, renewed or retried after a 401 (which fails as `unauthorized`).
 */
export type DataSubject = string | { accessToken: string }

/** Paging of list calls. */
export interface PageQuery {
  limit?: number
  offset?: number
}

/** Transactions query with Moneyhub's own parameter names (protocol §9.4). */
export interface TransactionsQuery extends PageQuery {
  accountId?: string
  /** `YYYY-MM-DD`, inclusive. */
  startDate?: string
  /** `YYYY-MM-DD`, inclusive. */
  endDate?: string
  text?: string
}

/** Payments list query (protocol §9.7). */
export interface PaymentsQuery extends PageQuery {
  userId?: string
  payeeId?: string
  startDate?: string
  endDate?: string
}

/** Body of `POST /payees`. */
export interface CreatePayeeInput {
  accountNumber: string
  sortCode: string
  name: string
  externalId?: string
  userId?: string
}

/** Body of `POST /recurring-payments/{id}/pay` (amount in pence). */
export interface PayRecurringPaymentInput {
  amount: number
  payeeRef: string
  payerRef: string
  payeeId?: string
}

/** Body of the funds-confirmation call; `amount` in pence, sent as a major-unit string. */
export interface ConfirmFundsInput {
  amount: number
  currency?: 'GBP'
}

/** Bank list kinds (`/.well-known/<kind>-connections`). */
export type BankListKind = 'all' | 'api' | 'legacy' | 'test' | 'payments' | 'beta'

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

/** The discovery fields the client relies on. */
export interface DiscoveryDocument {
  issuer: string
  authorization_endpoint: string
  token_endpoint: string
  jwks_uri: string
  pushed_authorization_request_endpoint: string
  authorization_response_iss_parameter_supported?: boolean
  [key: string]: unknown
}
