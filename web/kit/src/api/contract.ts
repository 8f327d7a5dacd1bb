// The one place the kit imports the BFF↔browser contract from @mhkit/shared, so the rest of the
// kit names contract schemas and types through this module and never re-declares them.
// Only what the kit uses is listed; the build bundles exactly these parts of shared.
export {
  accountListResponseSchema,
  accountResponseSchema,
  bankListResponseSchema,
  connectionListResponseSchema,
  connectResponseSchema,
  errorBodySchema,
  flowResponseSchema,
  sessionResponseSchema,
  logoutResponseSchema,
  transactionPageSchema,
} from '@mhkit/shared'
export type {
  Account,
  AccountListResponse,
  Bank,
  BankListResponse,
  ConnectConsent,
  Connection,
  ConnectionListResponse,
  ConnectionStatus,
  ConnectKind,
  ConnectRequestInput,
  ConnectResponse,
  ErrorCode,
  FlowError,
  FlowResponse,
  FlowResult,
  Money,
  SessionResponse,
  Transaction,
  TransactionPage,
} from '@mhkit/shared'

/** Which bank list to fetch: banks to connect (`ais`) or banks that can pay (`payments`). */
export type BankListKind = 'ais' | 'payments'

/**
 * Filters of the transactions hook, sent as the `GET /api/transactions` query (the BFF
 * validates them with the shared query schema). Dates are `YYYY-MM-DD`.
 */
export interface TransactionFilters {
  accountId?: string
  startDate?: string
  endDate?: string
  /** Free-text search of descriptions. */
  text?: string
  /** Page size, 1–200 (default 50). */
  limit?: number
}
