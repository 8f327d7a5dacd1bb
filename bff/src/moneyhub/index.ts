/**
 * `@mhkit/bff/moneyhub` — the framework-free Moneyhub protocol and data client.
 * See README.md in this folder for the surface and the error codes.
 */
export { createMoneyhubClient } from './client'
export { loadClientKeys, generateClientKey, publicJwks } from './keys'
export type { ClientKey, ClientKeys, ClientKeyInput, ClientKeyAlg } from './keys'
export { MoneyhubError, isMoneyhubError, moneyhubErrorCodes } from './errors'
export type { MoneyhubErrorCode, MoneyhubErrorDetails } from './errors'
export type { HttpRequester, UpstreamReply, UpstreamRequest } from './http'
export { requesterFromFetch } from './http'
export { createHttpTransport } from './http-transport'
export type { HttpTransport, HttpTransportOptions } from './http-transport'
export { generateState, generateNonce, generateCodeVerifier } from './random'
export { createSharedTokenCache } from './shared-token-cache'
export type { SharedTokenCacheOptions, TokenSealer, TokenStore } from './shared-token-cache'
export type { TokenCache } from './token-cache'
export type { AccessToken } from './token-cache'
export type { AuthorisationParams, ClaimsRequestLike, PushedAuthorisation } from './par'
export type { BankListKind } from './banks'
export type { SecurityEventTokenClaims } from './security-event-token'
export type {
  CircuitBreakerOptions,
  MoneyhubLogger,
  MoneyhubRetryOptions,
  MoneyhubTimeouts,
} from './transport-options'
export type { ConfirmFundsInput, PayRecurringPaymentInput } from './recurring-payments'
export type { CreatePayeeInput, PaymentsQuery } from './payments'
export type { DataSubject, MoneyhubClient, MoneyhubClientOptions } from './client'
export type { DiscoveryDocument } from './discovery'
export type { ExchangeCodeParams, ExchangeCodeResult, TokenSet } from './authorization-code'
export type { ExpectedClaims, IdTokenAlg, IdTokenClaims, IdTokenExpectations } from './id-token'
export type { FetchLike } from './http'
export type { MoneyhubAuthMethod } from './keys'
export type { PageQuery } from './page-query'
export type { TransactionsQuery } from './transactions'
export type {
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
