// The BFF↔browser API contract: one file per resource; this list is the public surface.
export {
  moneySchema,
  paymentCurrencySchema,
  accountIdSchema,
  transactionIdSchema,
  paymentIdSchema,
  payeeIdSchema,
  standingOrderIdSchema,
  recurringPaymentIdSchema,
  bankIdSchema,
  connectionIdSchema,
  flowIdSchema,
  userIdSchema,
  isoDateSchema,
  isoDateTimeSchema,
  displayNameSchema,
  PAGE_LIMIT_MAX,
  PAGE_LIMIT_DEFAULT,
  PAGE_OFFSET_MAX,
  queryIntSchema,
  pageInfoSchema,
  sortCodeSchema,
  accountNumberSchema,
} from './common'
export type { Money, PageInfo } from './common'
export {
  FLOW_ERROR_PARAM,
  FLOW_PARAM,
  RETURN_TO_MAX,
  returnToProblem,
  isSafeReturnTo,
  safeReturnTo,
  returnToPathSchema,
  returnToSchema,
  returnToWithParam,
} from './return-to'
export { sessionResponseSchema } from './session'
export type { SessionResponse } from './session'
export {
  connectKindSchema,
  consentPermissionSchema,
  connectConsentSchema,
  connectRequestSchema,
  authorizationUrlSchema,
  connectResponseSchema,
} from './connect'
export type {
  ConnectKind,
  ConsentPermission,
  ConnectConsent,
  ConnectRequestInput,
  ConnectRequest,
  ConnectResponse,
} from './connect'
export {
  flowKindSchema,
  flowStatusSchema,
  flowResultSchema,
  flowErrorSchema,
  flowParamsSchema,
  flowResponseSchema,
} from './flows'
export type { FlowKind, FlowStatus, FlowResult, FlowError, FlowParams, FlowResponse } from './flows'
export {
  bankTypeSchema,
  bankStatusSchema,
  bankSchema,
  bankListQuerySchema,
  bankListResponseSchema,
  bankIconParamsSchema,
} from './banks'
export type { BankType, BankStatus, Bank, BankListQuery, BankListResponse } from './banks'
export {
  accountKindSchema,
  accountHolderTypeSchema,
  accountDetailsSchema,
  accountSchema,
  accountParamsSchema,
  accountListResponseSchema,
  accountResponseSchema,
} from './accounts'
export type {
  AccountKind,
  AccountHolderType,
  AccountDetails,
  Account,
  AccountParams,
  AccountListResponse,
  AccountResponse,
} from './accounts'
export {
  transactionsQuerySchema,
  transactionStatusSchema,
  transactionCategorySchema,
  transactionSchema,
  transactionPageSchema,
} from './transactions'
export type {
  TransactionsQueryInput,
  TransactionsQuery,
  TransactionStatus,
  TransactionCategory,
  Transaction,
  TransactionPage,
} from './transactions'
export {
  connectionStatusSchema,
  connectionErrorSchema,
  connectionSchema,
  connectionSummarySchema,
  connectionListResponseSchema,
  connectionParamsSchema,
  EXPIRING_WITHIN_DAYS_DEFAULT,
  connectionStatus,
} from './connections'
export type {
  ConnectionStatus,
  ConnectionError,
  Connection,
  ConnectionSummary,
  ConnectionListResponse,
  ConnectionParams,
  ConnectionStatusInput,
} from './connections'
export { newPayeeSchema, paymentReferenceSchema, PAYMENT_AMOUNT_MAX, penceSchema } from './payee'
export type { NewPayee } from './payee'
export { PAYEE_LIST_MAX, payeeListResponseSchema, payeeSummarySchema } from './payees'
export type { PayeeListResponse, PayeeSummary } from './payees'
export {
  paymentRequestSchema,
  paymentStartResponseSchema,
  paymentStatusSchema,
  isFinalPaymentStatus,
  paymentSchema,
  paymentParamsSchema,
  paymentResponseSchema,
  paymentListResponseSchema,
  refundRequestSchema,
  refundStartResponseSchema,
} from './payments'
export type {
  PaymentRequestInput,
  PaymentRequest,
  PaymentStartResponse,
  PaymentStatus,
  Payment,
  PaymentParams,
  PaymentResponse,
  PaymentListResponse,
  RefundRequestInput,
  RefundRequest,
  RefundStartResponse,
} from './payments'
export {
  standingOrderFrequencySchema,
  standingOrderRequestSchema,
  standingOrderStartResponseSchema,
  standingOrderStatusSchema,
  standingOrderSchema,
  standingOrderParamsSchema,
  standingOrderResponseSchema,
  standingOrderListResponseSchema,
} from './standing-orders'
export type {
  StandingOrderFrequency,
  StandingOrderRequestInput,
  StandingOrderRequest,
  StandingOrderStartResponse,
  StandingOrderStatus,
  StandingOrder,
  StandingOrderParams,
  StandingOrderResponse,
  StandingOrderListResponse,
} from './standing-orders'
export {
  recurringPaymentPeriodTypeSchema,
  recurringPaymentPeriodAlignmentSchema,
  recurringPaymentTypeSchema,
  recurringPaymentLimitRequestSchema,
  recurringPaymentRequestSchema,
  recurringPaymentStartResponseSchema,
  recurringPaymentStatusSchema,
  recurringPaymentSchema,
  recurringPaymentParamsSchema,
  recurringPaymentResponseSchema,
  recurringPaymentPayRequestSchema,
  recurringPaymentPayResponseSchema,
  recurringPaymentListResponseSchema,
  idempotencyKeySchema,
  fundsConfirmationRequestSchema,
  fundsConfirmationResponseSchema,
} from './recurring-payments'
export type {
  RecurringPaymentPeriodType,
  RecurringPaymentPeriodAlignment,
  RecurringPaymentType,
  RecurringPaymentRequestInput,
  RecurringPaymentRequest,
  RecurringPaymentStartResponse,
  RecurringPaymentStatus,
  RecurringPayment,
  RecurringPaymentParams,
  RecurringPaymentResponse,
  RecurringPaymentPayRequest,
  RecurringPaymentPayResponse,
  RecurringPaymentListResponse,
  FundsConfirmationRequest,
  FundsConfirmationResponse,
} from './recurring-payments'
export { logoutRequestSchema, logoutResponseSchema } from './logout'
export type { LogoutRequest, LogoutResponse } from './logout'
export { apiRoutes, plannedApiRoutes, apiPaths } from './routes'
export type { ApiMethod, ApiRoute } from './routes'
export {
  LIVE_EVENT_ACCOUNTS_MAX,
  LIVE_EVENT_HEARTBEAT_MS,
  LIVE_EVENT_READY_NAME,
  LIVE_EVENT_RETRY_MS,
  LIVE_EVENT_SSE_NAME,
  accountDeletedEventSchema,
  connectionReminderEventSchema,
  connectionSyncedEventSchema,
  formatLiveEventFrame,
  liveEventFrameSchema,
  liveEventIdSchema,
  liveEventSchema,
  livePaymentStatusSchema,
  parseLiveEventFrame,
  paymentStatusEventSchema,
  transactionChangeSchema,
  transactionsChangedEventSchema,
} from './events'
export type {
  LiveEvent,
  LiveEventFrame,
  LiveEventId,
  LiveEventType,
  LivePaymentStatus,
  TransactionChange,
} from './events'
