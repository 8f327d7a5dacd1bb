// Second public entry of @mhkit/react, `@mhkit/react/checks`: the payment form checks. Kept out
// of the main entry so an app that never shows a payment form ships none of it — the main
// entry's connect-and-data import set has a size budget (scripts/size.mjs).

export { loadPaymentChecks } from './api/payment-checks'
export type { FieldIssue, PaymentChecks } from './api/payment-checks'
export { usePaymentChecks } from './hooks/use-payment-checks'
