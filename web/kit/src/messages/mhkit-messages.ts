import type {
  ConnectionStatus,
  PaymentStatus,
  RecurringPayment,
  StandingOrder,
} from '../api/contract'
import type { ErrorAction } from '../api/error-action'

/**
 * Every text the kit's components show, for `<MhkitProvider messages={…}>` to replace (to
 * translate the kit or change its tone). Every key is optional: a key left out keeps the kit's
 * English default, which lives in the component that shows it (so an app bundles only the
 * wording of the components it uses). Texts that include a value are functions of it.
 *
 * Error wording goes by group: `describeError` maps each error code to one group (listed under
 * each `error…Title` key) and reads `error<Group>Title` / `error<Group>Message`; payment
 * screens read `paymentError<Group>Title` / `paymentError<Group>Message` first.
 */
export interface MhkitMessages {
  // Errors (describeError, ErrorNotice)
  /** Any error without a group of its own: "Something went wrong". */
  errorGenericTitle?: string
  /** "Something went wrong on our side. Please try again." */
  errorGenericMessage?: string
  /** `network_error`: "Connection lost". */
  errorOfflineTitle?: string
  /** "We could not reach the server. Check your connection and try again." */
  errorOfflineMessage?: string
  /** `unauthenticated`, `session_expired`: "Signed out". */
  errorSignedOutTitle?: string
  /** "You are signed out. Sign in or connect your bank to continue." */
  errorSignedOutMessage?: string
  /** `invalid_request`: "Check your details". */
  errorInputTitle?: string
  /** "Something you entered was not accepted. Check it and try again." */
  errorInputMessage?: string
  /**
   * `rate_limited`, `upstream_rate_limited`, `upstream_unavailable`, `service_unavailable`:
   * "Too many requests".
   */
  errorBusyTitle?: string
  /** "The service is busy. Please wait a moment, then try again." */
  errorBusyMessage?: string
  /** `upstream_error`, `upstream_timeout`, `invalid_upstream_response`: "Moneyhub unavailable". */
  errorUpstreamTitle?: string
  /** "Moneyhub did not answer as expected. Please try again in a moment." */
  errorUpstreamMessage?: string
  /**
   * `forbidden`, `flow_not_found`, `flow_expired`, `state_mismatch`, `iss_mismatch`,
   * `invalid_id_token`, `transaction_from_too_early`: "Could not finish connecting".
   */
  errorFlowTitle?: string
  /** "This attempt to connect your bank did not complete. Please start again." */
  errorFlowMessage?: string
  /** `access_denied`: "Not authorised". */
  errorDeniedTitle?: string
  /** "The connection was not authorised at your bank. You can try again whenever you are ready." */
  errorDeniedMessage?: string
  /** `reauth_required`, `consent_expired`, `connection_not_found`: "Reconnect needed". */
  errorReconnectTitle?: string
  /** "Your permission to share data from this bank has ended or needs confirming. …" */
  errorReconnectMessage?: string
  /** `payment_failed`: "Payment failed". */
  errorPaymentTitle?: string
  /** "The payment did not go through. No money has moved. You can try again." */
  errorPaymentMessage?: string
  /** `not_implemented`: "Not available". */
  errorUnavailableTitle?: string
  /** "This feature is not available yet." */
  errorUnavailableMessage?: string
  /** Appended to a "wait" error that says how long: "(in about 30 seconds)". */
  retryIn?: (seconds: number) => string
  /** Before the correlation id under an error: "Reference:". */
  errorReference?: string
  /**
   * The error action buttons, by action: `retry` "Try again", `reconnect` "Reconnect your bank",
   * `sign-in` "Sign in", `start-again` "Start again", `wait` "Try again", `contact-support`
   * "Try again".
   */
  actionLabels?: { readonly [A in ErrorAction]?: string }
  /** After a "wait" action's label while its button counts down: " in 12 s". */
  retryCountdown?: (seconds: number) => string

  // Payment errors (describePaymentError): checked before the error groups above
  /** `forbidden`, `flow_not_found`, `flow_expired`, `state_mismatch`, `iss_mismatch`, `invalid_id_token`: "Could not finish the payment". */
  paymentErrorNotFinishedTitle?: string
  /** "This payment did not complete and no money has moved. Please start again." */
  paymentErrorNotFinishedMessage?: string
  /** `access_denied`: "Payment not authorised". */
  paymentErrorDeniedTitle?: string
  /** "The payment was not authorised at your bank, so no money has moved. …" */
  paymentErrorDeniedMessage?: string
  /** `invalid_request`: "Check the payment details". */
  paymentErrorDetailsTitle?: string
  /** "The bank details, amount or reference were not accepted. Check them and try again." */
  paymentErrorDetailsMessage?: string
  /** `not_found`, `payment_not_found`: "Payment not found". */
  paymentErrorNotFoundTitle?: string
  /** "We could not find this payment. Check you are signed in as the person who made it, …" */
  paymentErrorNotFoundMessage?: string
  /** `payment_not_completed`: "Payment not completed yet". */
  paymentErrorNotCompletedTitle?: string
  /** "Only a completed payment can be refunded. Check its status again in a little while." */
  paymentErrorNotCompletedMessage?: string
  /** `payment_not_reversible`: "This payment cannot be refunded". */
  paymentErrorNotReversibleTitle?: string
  /** "The bank does not allow this payment to be refunded here, and no money has moved. …" */
  paymentErrorNotReversibleMessage?: string
  /** `recurring_payment_not_found`: "Payment permission not found". */
  paymentErrorPermissionNotFoundTitle?: string
  /** "We could not find this recurring payment permission. Set up a new one to pay this way." */
  paymentErrorPermissionNotFoundMessage?: string
  /** `recurring_payment_not_active`: "Payment permission not active". */
  paymentErrorPermissionNotActiveTitle?: string
  /** "This recurring payment permission has ended, been revoked or has not started yet, …" */
  paymentErrorPermissionNotActiveMessage?: string
  /** `recurring_payment_limit_exceeded`: "Over the agreed limit". */
  paymentErrorOverLimitTitle?: string
  /** "This payment is more than the permission allows, so no money has moved. …" */
  paymentErrorOverLimitMessage?: string
  /** `standing_order_not_found`: "Standing order not found". */
  paymentErrorStandingOrderNotFoundTitle?: string
  /** "We could not find this standing order. Check you are signed in as the person who set it up." */
  paymentErrorStandingOrderNotFoundMessage?: string
  /** `idempotency_key_reused`: "Payment details changed". */
  paymentErrorDetailsChangedTitle?: string
  /** "A retry of this payment carried different details, so nothing was paid again. …" */
  paymentErrorDetailsChangedMessage?: string
  /** `idempotency_key_in_progress`: "Payment still being processed". */
  paymentErrorInProgressTitle?: string
  /** "This payment is still being processed. Wait a moment before checking it again; …" */
  paymentErrorInProgressMessage?: string
  /** RecurringPaymentPayForm, when no answer came back: "No answer about this payment yet". */
  paymentNoAnswerTitle?: string
  /** "The connection dropped before we heard whether the payment went through. Try again: …" */
  paymentNoAnswerMessage?: string

  // ConnectBankButton, ConnectCallback
  /** ConnectBankButton's label: "Connect your bank". */
  connectButton?: string
  /** "Preparing a secure connection…" */
  connectPreparing?: string
  /** Redirect mode, leaving for the bank: "Taking you to your bank…" */
  connectRedirecting?: string
  /** Popup mode, waiting: "Continue in the window that opened. Close it to cancel." */
  connectInPopup?: string
  /** "Finishing…" */
  connectFinishing?: string
  /** After a connect, on the button and the callback page: "Your bank is connected." */
  connectSucceeded?: string
  /** "Cancelled. You can try again whenever you are ready." */
  connectCancelled?: string
  /**
   * The title of an error that stopped a connect or reconnect before the bank's page opened
   * (its message is the error group's): "Could not start connecting".
   */
  connectStartFailed?: string
  /** ConnectCallback while it reads the outcome: "Finishing connecting your bank…" */
  callbackFinishing?: string
  /** ConnectCallback in a popup that is about to close: "Done. You can close this window." */
  callbackPopupDone?: string

  // BankPicker
  /** "Loading banks…" */
  banksLoading?: string
  /** Label of the search box: "Search banks". */
  banksSearch?: string
  /** The group's legend: "Choose your bank". */
  banksLabel?: string
  /** Announced when the search matches nothing: "No banks match “xyz”". */
  banksNoMatch?: (search: string) => string
  /** Announced match count: "12 banks". */
  banksCount?: (count: number) => string
  /** Badge of a bank that is down: "Unavailable right now". */
  bankUnavailable?: string
  /** Legend of the banks picked before, listed first: "Your recent banks". */
  banksRecent?: string
  /** Legend of the other banks when recent banks are listed: "All banks". */
  banksAll?: string

  // ConnectProgress
  /** The steps' accessible name: "Connecting your bank". */
  connectStepsLabel?: string
  /**
   * Each step's label, by step: `preparing` "Preparing", `at-bank` "At your bank", `finishing`
   * "Finishing", `connected` "Connected".
   */
  connectSteps?: { readonly [S in 'preparing' | 'at-bank' | 'finishing' | 'connected']?: string }
  /**
   * Announced while a step is current, by step: `preparing` "Preparing a secure connection…",
   * `at-bank` "Continue at your bank…", `finishing` "Finishing connecting your bank…".
   */
  connectStepStatus?: { readonly [S in 'preparing' | 'at-bank' | 'finishing']?: string }
  /** After a done step, for screen readers: " (done)". */
  connectStepDone?: string
  /** The success line: "Acme Bank connected."; `bank` is "Your bank" when it has no name. */
  connectedBank?: (bank: string | undefined) => string

  // ConnectionStatus, ReconnectButton
  /** "Loading bank connections…" */
  connectionsLoading?: string
  /** The list's accessible name: "Bank connections". */
  connectionsLabel?: string
  /** "No banks connected yet." */
  connectionsEmpty?: string
  /**
   * Status badges, by status: `active` "Connected", `expiring` "Access ending soon", `expired`
   * "Access expired", `error` "Needs attention".
   */
  connectionStatusLabels?: { readonly [S in ConnectionStatus]?: string }
  /** Consent countdown, ended: "Access ended on 3 Mar 2026" (the date comes formatted). */
  accessEnded?: (date: string) => string
  /** "Access ends today" */
  accessEndsToday?: string
  /** "Access ends tomorrow" */
  accessEndsTomorrow?: string
  /** "Access ends in 5 days" */
  accessEndsIn?: (days: number) => string
  /** ReconnectButton's label: "Reconnect Barclays". */
  reconnectButton?: (bankName: string) => string
  /** "Reconnecting…" */
  reconnecting?: string

  // DisconnectButton
  /** The button: "Disconnect Barclays". */
  disconnectButton?: (bankName: string) => string
  /** The confirmation dialog's title: "Disconnect Barclays?". */
  disconnectTitle?: (bankName: string) => string
  /**
   * What disconnecting does: "This app will stop reading your data from Barclays. You can connect
   * it again at any time."
   */
  disconnectText?: (bankName: string) => string
  /** The dialog's cancel button: "Cancel". */
  disconnectCancel?: string
  /** The dialog's confirm button: "Disconnect". */
  disconnectConfirm?: string
  /** "Disconnecting…" */
  disconnecting?: string
  /** Announced once done: "Barclays disconnected". */
  disconnected?: (bankName: string) => string

  // AccountList
  /** "Loading accounts…" */
  accountsLoading?: string
  /** The list's accessible name: "Your accounts". */
  accountsLabel?: string
  /**
   * The empty state (no accounts, or no session yet), before a connect button: "No accounts yet.
   * Connect a bank to see them here."
   */
  accountsEmpty?: string

  // TransactionTable
  /** "Loading transactions…" */
  transactionsLoading?: string
  /** The table's caption: "Transactions". */
  transactionsCaption?: string
  /** The empty state (nothing to list, or no session yet): "No transactions to show." */
  transactionsEmpty?: string
  /** Column heading: "Date". */
  columnDate?: string
  /** Column heading: "Description". */
  columnDescription?: string
  /** Column heading: "Account" (TransactionTable, when rows from several accounts mix). */
  columnAccount?: string
  /** Column heading: "Amount". */
  columnAmount?: string
  /** Badge of a pending transaction: "Pending". */
  transactionPending?: string
  /** "Showing 25 transactions". */
  transactionsCount?: (count: number) => string
  /** "Loading more transactions…" */
  transactionsLoadingMore?: string
  /** "Load more transactions" */
  transactionsLoadMore?: string

  // PayButton
  /** PayButton's label (and RecurringPaymentPayForm's submit button): "Pay". */
  payButton?: string
  /** "Preparing a secure payment…" (the "Finishing…" step reads `connectFinishing`). */
  payPreparing?: string
  /** Redirect mode: "Taking you to your bank to approve the payment…" */
  payRedirecting?: string
  /** Popup mode: "Approve the payment in the window that opened. Close it to cancel." */
  payInPopup?: string
  /** "Payment authorised." */
  paySucceeded?: string
  /** "Cancelled. No money has moved." */
  payCancelled?: string

  // PaymentStatus, PaymentList (dates and amounts reuse `columnDate` and `columnAmount`)
  /** The region's accessible name: "Payment". */
  paymentLabel?: string
  /** While the first answer is pending: "Checking the payment…" */
  paymentChecking?: string
  /**
   * The live sentence, by status: `in_progress` "Waiting for your bank to confirm the payment…",
   * `pending` "Your bank has accepted the payment. It is on its way…", `completed` "Payment
   * complete.", `rejected` "Your bank rejected the payment. No money has moved.", `cancelled`
   * "The payment was cancelled. No money has moved.", `abandoned` "The payment was not finished.
   * No money has moved.", `failed` "The payment failed. No money has moved."
   */
  paymentStatusSentences?: { readonly [S in PaymentStatus]?: string }
  /**
   * Status badges, by status: `in_progress` "In progress", `pending` "Pending", `completed`
   * "Completed", `rejected` "Rejected", `cancelled` "Cancelled", `abandoned` "Not finished",
   * `failed` "Failed".
   */
  paymentStatusLabels?: { readonly [S in PaymentStatus]?: string }
  /** Details label: "To". */
  paymentTo?: string
  /** Details label: "Reference". */
  paymentReference?: string
  /** Details label: "Status". */
  paymentStatus?: string
  /** "Loading payments…" */
  paymentsLoading?: string
  /** The list's accessible name: "Your payments". */
  paymentsLabel?: string
  /** Empty state title (also without a session): "No payments yet". */
  paymentsEmptyTitle?: string
  /** Empty state sentence: "Payments you make here will appear in this list." */
  paymentsEmpty?: string

  // RecurringPaymentList
  /** "Loading recurring payments…" */
  recurringPaymentsLoading?: string
  /** The list's accessible name: "Your recurring payment permissions". */
  recurringPaymentsLabel?: string
  /** Empty state title: "No recurring payment permissions yet". */
  recurringPaymentsEmptyTitle?: string
  /** Empty state sentence: "Permissions you give to pay from your bank account will appear here." */
  recurringPaymentsEmpty?: string
  /**
   * Status badges, by status: `in_progress` "In progress", `authorised` "Active", `rejected`
   * "Rejected", `revoked` "Revoked", `expired` "Expired", `failed` "Failed".
   */
  recurringPaymentStatusLabels?: { readonly [S in RecurringPayment['status']]?: string }
  /** "Up to £500.00 per payment" (the amount comes formatted). */
  upToPerPayment?: (amount: string) => string
  /** A periodic limit: "Up to £2,000.00 per month" (`period` is the wire name, e.g. `half_year`). */
  upToPer?: (
    amount: string,
    period: RecurringPayment['periodicLimits'][number]['periodType'],
  ) => string
  /** The end date: "Until 3 Mar 2027". */
  until?: (date: string) => string
  /** The revoke button: "Revoke". */
  revoke?: string
  /** Its accessible name: "Revoke payments to Acme". */
  revokeLabel?: (payee: string) => string
  /** The confirmation group's name: "Confirm revoking payments to Acme". */
  revokeConfirmLabel?: (payee: string) => string
  /** "Stop all future payments to Acme? This cannot be undone; …" */
  revokeConfirm?: (payee: string) => string
  /** "Yes, revoke" */
  revokeYes?: string
  /** "Keep it" */
  revokeNo?: string

  // RecurringPaymentPayForm (submit button: `payButton`)
  /** The form's accessible name: "Pay with this permission". */
  payFormLabel?: string
  /** "Amount (£)" */
  amountLabel?: string
  /** Under the amount: "Up to £500.00 per payment." */
  amountHint?: (maximum: string) => string
  /** "Enter an amount in pounds, like 25 or 12.50." */
  amountInvalid?: string
  /** "This permission allows at most £500.00 per payment." */
  amountOverMaximum?: (maximum: string) => string
  /** "Reference (optional)" */
  referenceLabel?: string
  /** "Paying…" */
  paying?: string
  /** "Payment sent: £25.00. Status: Pending. Payment reference pay-123." */
  paymentSent?: (amount: string, status: string, paymentId: string) => string

  // StandingOrderList
  /** "Loading standing orders…" */
  standingOrdersLoading?: string
  /** The list's accessible name: "Your standing orders". */
  standingOrdersLabel?: string
  /** Empty state title: "No standing orders yet". */
  standingOrdersEmptyTitle?: string
  /** Empty state sentence: "Standing orders you set up here will appear in this list." */
  standingOrdersEmpty?: string
  /**
   * Status badges, by status: `in_progress` "Waiting for the bank", `initiation_pending` "Being
   * set up", `initiation_failed` "Not set up", `initiation_completed` "Set up", `cancelled`
   * "Cancelled".
   */
  standingOrderStatusLabels?: { readonly [S in StandingOrder['status']]?: string }
  /** How often it pays: "On the 1st of every month" (see `describeFrequency`). */
  frequency?: (frequency: StandingOrder['frequency']) => string
  /** "First payment 1 Apr 2026" */
  firstPayment?: (date: string) => string
  /** "Then £100.00 each time" */
  thenEachTime?: (amount: string) => string
  /** How many payments: "12 payments". */
  paymentsCount?: (count: number) => string
  /** "Last payment 1 Mar 2027" */
  lastPayment?: (date: string) => string

  // RenewConsentPrompt (with live updates)
  /** "Renew your consent for Barclays to keep your data up to date." */
  renewConsent?: (bankName: string) => string
  /** "Not now" */
  renewConsentDismiss?: string
}
