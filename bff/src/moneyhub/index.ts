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
export { generateState, generateNonce, generateCodeVerifier } from './random'
export { createSharedTokenCache } from './shared-token-cache'
export type { SharedTokenCacheOptions, TokenSealer, TokenStore } from './shared-token-cache'
export type { TokenCache } from './token-cache'
export type { SecurityEventTokenClaims } from './security-event-token'
export type {
  AccessToken,
  AuthorisationParams,
  BankListKind,
  CircuitBreakerOptions,
  ClaimsRequestLike,
  ConfirmFundsInput,
  CreatePayeeInput,
  DataSubject,
  DiscoveryDocument,
  ExchangeCodeParams,
  ExchangeCodeResult,
  ExpectedClaims,
  FetchLike,
  IdTokenAlg,
  IdTokenClaims,
  IdTokenExpectations,
  MoneyhubAuthMethod,
  MoneyhubClient,
  MoneyhubClientOptions,
  MoneyhubLogger,
  MoneyhubRetryOptions,
  MoneyhubTimeouts,
  PageQuery,
  PaymentsQuery,
  PayRecurringPaymentInput,
  PushedAuthorisation,
  TokenSet,
  TransactionsQuery,
} from './types'
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
