// The kit's types from the BFF↔browser contract in @mhkit/shared, so the rest of the kit names
// contract types through this module and never re-declares them. Type-only: the schemas
// themselves are loaded lazily by the BFF client (contract-schemas.ts, the one module that
// imports @mhkit/shared at run time), which keeps zod out of the app's initial JavaScript.
export type {
  Account,
  Bank,
  ConnectConsent,
  Connection,
  ConnectionStatus,
  ConnectKind,
  ConnectRequestInput,
  ErrorCode,
  FlowResponse,
  Money,
  NewPayee,
  PayeeSummary,
  Payment,
  PaymentRequestInput,
  PaymentStatus,
  RecurringPayment,
  RecurringPaymentPayRequest,
  RecurringPaymentPayResponse,
  RecurringPaymentRequestInput,
  RecurringPaymentStatus,
  StandingOrder,
  StandingOrderRequestInput,
  StandingOrderStatus,
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
