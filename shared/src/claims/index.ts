export { ClaimName, type ClaimNameValue } from './claim-name'
export { ClaimsError, type ClaimIssue, type ClaimRule } from './claims-error'
export type { ClaimRuleOptions } from './rule-options'
export { type ClaimEntry, genericClaimEntrySchema } from './claim-entry'
export {
  OpenBankingPermission,
  type OpenBankingPermissionValue,
  MAX_CONSENT_DAYS,
  MAX_TRANSACTION_HISTORY_MONTHS,
  ONE_TIME_CONSENT_HOURS,
  consentClaimValueSchema,
  defaultOneTimeConsentExpiry,
  earliestTransactionFrom,
  type ConsentClaimValue,
} from './consent'
export { MAX_PAYER_TEXT_LENGTH, paymentClaimValueSchema, type PaymentClaimValue } from './payment'
export { reversePaymentClaimValueSchema, type ReversePaymentClaimValue } from './reverse-payment'
export {
  recurringPaymentClaimValueSchema,
  vrpPeriodAlignmentSchema,
  vrpPeriodTypeSchema,
  vrpTypeSchema,
  type RecurringPaymentClaimValue,
} from './recurring-payment'
export {
  standingOrderClaimValueSchema,
  standingOrderRepeatSchema,
  type StandingOrderClaimValue,
} from './standing-order'
export {
  accountVerificationClaimValueSchema,
  categoryTypeClaimValueSchema,
  connectionIdClaimValueSchema,
  subClaimValueSchema,
  syncClaimValueSchema,
  type AccountVerificationClaimValue,
  type CategoryTypeClaimValue,
  type SyncClaimValue,
} from './ais-claims'
export {
  MAX_CLAIMS,
  claimsRequestSchema,
  parseClaimsRequest,
  type ClaimsRequest,
} from './claims-request'
export { claims, type ClaimsBuilder, type ConsentClaimOptions } from './builder'
