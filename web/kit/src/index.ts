// Public entry of @mhkit/react. Every public name is listed here explicitly; anything not
// listed (src/internal/) is private and may change without notice.

// BFF client and errors
export { createBffClient } from './api/bff-client'
export type {
  BffClient,
  BffClientOptions,
  BffMethod,
  BffQuery,
  BffRequest,
  BffResult,
  BffSchema,
  ContractSchemaName,
} from './api/bff-client'
export { paymentSchema } from './api/payment-schema'
export type { LazySchema, PaymentAnswer, PaymentSchemaName } from './api/payment-schema'
export { BffError, isBffError, toBffError } from './api/bff-error'
export type { BffErrorCode, BffErrorOptions, KitErrorCode } from './api/bff-error'
export { describeError } from './api/describe-error'
export type { ErrorAction, ErrorDescription } from './api/describe-error'
export { describePaymentError } from './api/describe-payment-error'
export { useBffClient } from './api/mhkit-context'
export { useMessages } from './messages/use-messages'
export type { MhkitMessages } from './messages/mhkit-messages'
export type { BankListKind, TransactionFilters } from './api/contract'

// Query options and keys (for prefetching, invalidation and custom hooks)
export { mhkitKeys } from './query-options/mhkit-keys'
export { sessionQueryOptions } from './query-options/session-query'
export { banksQueryOptions } from './query-options/banks-query'
export { accountsQueryOptions, accountQueryOptions } from './query-options/accounts-query'
export { transactionsQueryOptions } from './query-options/transactions-query'
export { connectionsQueryOptions } from './query-options/connections-query'
export { flowQueryOptions } from './query-options/flow-query'
export {
  isFinalPaymentStatus,
  paymentPollDelay,
  paymentQueryOptions,
  paymentsQueryOptions,
} from './query-options/payments-query'
export type { PaymentPolling } from './query-options/payments-query'
export { payeesQueryOptions } from './query-options/payees-query'
export {
  recurringPaymentQueryOptions,
  recurringPaymentsQueryOptions,
} from './query-options/recurring-payments-query'
export {
  standingOrderQueryOptions,
  standingOrdersQueryOptions,
} from './query-options/standing-orders-query'

// The framework-free flow controller every flow hook adapts
export { createFlowController } from './flows/create-flow-controller'
export type {
  FlowController,
  FlowControllerOptions,
  FlowEvent,
  FlowEventType,
  FlowOptions,
  FlowOutcome,
} from './flows/create-flow-controller'
export type { FlowHandle } from './internal/use-flow'

// Hooks
export { useSession } from './hooks/use-session'
export { useConnectBank } from './hooks/use-connect-bank'
export type {
  ConnectBank,
  ConnectBankOptions,
  ConnectEvent,
  ConnectEventType,
  ConnectOutcome,
  ConnectParams,
} from './hooks/use-connect-bank'
export type { ConnectMode, ConnectState, ConnectStatus } from './internal/connect-machine'
export { useConnectCallback } from './hooks/use-connect-callback'
export type {
  ConnectCallback as ConnectCallbackResult,
  ConnectCallbackOptions,
  ConnectCallbackStatus,
} from './hooks/use-connect-callback'
export { useAccounts } from './hooks/use-accounts'
export { useAccount } from './hooks/use-account'
export { useTransactions } from './hooks/use-transactions'
export { useConnections } from './hooks/use-connections'
export { useDisconnect } from './hooks/use-disconnect'
export { useLogout } from './hooks/use-logout'
export { useBanks } from './hooks/use-banks'

// Payments
export type {
  NewPayee,
  PayeeSummary,
  Payment,
  PaymentStatus as PaymentStatusValue,
  RecurringPayment,
  RecurringPaymentStatus,
  StandingOrder,
  StandingOrderStatus,
} from './api/contract'
export { usePayment } from './hooks/use-payment'
export type { PaymentFlow, PaymentOptions, PaymentParams } from './hooks/use-payment'
export { usePaymentStatus } from './hooks/use-payment-status'
export { usePayments } from './hooks/use-payments'
export { usePayees } from './hooks/use-payees'
export { useRefund } from './hooks/use-refund'
export type { RefundFlow, RefundOptions, RefundParams } from './hooks/use-refund'
export { useRecurringPaymentConsent } from './hooks/use-recurring-payment-consent'
export type {
  RecurringPaymentConsentFlow,
  RecurringPaymentConsentOptions,
  RecurringPaymentConsentParams,
} from './hooks/use-recurring-payment-consent'
export { useRecurringPayments, useRecurringPayment } from './hooks/use-recurring-payments'
export { usePayWithRecurringPayment } from './hooks/use-pay-with-recurring-payment'
export type { RecurringPaymentPayVariables } from './hooks/use-pay-with-recurring-payment'
export { useRevokeRecurringPayment } from './hooks/use-revoke-recurring-payment'
export { useFundsConfirmation } from './hooks/use-funds-confirmation'
export type { FundsConfirmationVariables } from './hooks/use-funds-confirmation'
export { useStandingOrder } from './hooks/use-standing-order'
export type {
  StandingOrderFlow,
  StandingOrderOptions,
  StandingOrderParams,
} from './hooks/use-standing-order'
export { useStandingOrders } from './hooks/use-standing-orders'

// Components
export { MhkitProvider } from './components/mhkit-provider'
export type { MhkitProviderProps } from './components/mhkit-provider'
export { ConnectBankButton } from './components/connect-bank-button'
export type { ConnectBankButtonProps } from './components/connect-bank-button'
export { ConnectCallback } from './components/connect-callback'
export type { ConnectCallbackProps } from './components/connect-callback'
export { AccountList } from './components/account-list'
export type { AccountListProps } from './components/account-list'
export { TransactionTable } from './components/transaction-table'
export type { TransactionTableProps } from './components/transaction-table'
export { ConnectionStatus } from './components/connection-status'
export type { ConnectionStatusProps } from './components/connection-status'
export { ReconnectButton, reconnectKind } from './components/reconnect-button'
export type { ReconnectButtonProps } from './components/reconnect-button'
export { DisconnectButton } from './components/disconnect-button'
export type { DisconnectButtonProps } from './components/disconnect-button'
export { BankPicker } from './components/bank-picker'
export type { BankPickerProps } from './components/bank-picker'
export { PayButton } from './components/pay-button'
export type { PayButtonProps } from './components/pay-button'
export { PaymentStatus } from './components/payment-status'
export type { PaymentStatusProps } from './components/payment-status'
export { PaymentList } from './components/payment-list'
export type { PaymentListProps } from './components/payment-list'
export { RecurringPaymentList } from './components/recurring-payment-list'
export type { RecurringPaymentListProps } from './components/recurring-payment-list'
export { RecurringPaymentPayForm } from './components/recurring-payment-pay-form'
export type {
  RecurringPaymentPaid,
  RecurringPaymentPayFormProps,
} from './components/recurring-payment-pay-form'
export { StandingOrderList } from './components/standing-order-list'
export type { StandingOrderListProps } from './components/standing-order-list'
export { ErrorNotice } from './components/error-notice'
export type { ErrorNoticeProps } from './components/error-notice'
export { EmptyState } from './components/empty-state'
export type { EmptyStateProps } from './components/empty-state'
export { ConnectProgress, connectProgressStep } from './components/connect-progress'
export type {
  ConnectProgressProps,
  ConnectProgressSource,
  ConnectProgressStep,
} from './components/connect-progress'
export { SessionSync } from './components/session-sync'
export type { SessionSyncProps } from './components/session-sync'

// Formatting
export { formatMoney } from './format/format-money'
export { formatDate, describeExpiry } from './format/format-date'
export { describeFrequency } from './format/describe-frequency'
export { parsePounds } from './format/parse-pounds'

// Live updates (opt-in: nothing here is bundled unless imported)
export { useMoneyhubEvents } from './hooks/use-moneyhub-events'
export type { MoneyhubEventsOptions } from './hooks/use-moneyhub-events'
export { subscribeLiveEvents } from './live/subscribe-live-events'
export type { LiveEventsOptions, LiveEventsStatus } from './live/subscribe-live-events'
export { moneyhubLiveUpdates } from './live/moneyhub-live-updates'
export type { LiveUpdates, LiveUpdatesOptions } from './live/moneyhub-live-updates'
export { liveEventKeys } from './live/live-event-keys'
export { useConsentReminders } from './hooks/use-consent-reminders'
export type { ConsentReminder } from './hooks/use-consent-reminders'
export { RenewConsentPrompt } from './components/renew-consent-prompt'
export type { RenewConsentPromptProps } from './components/renew-consent-prompt'
