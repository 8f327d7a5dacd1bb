import type {
  RecurringPaymentPeriodAlignment,
  RecurringPaymentPeriodType,
  StandingOrderFrequency,
} from '@mhkit/shared'

/** What a single payment authorised (docs/moneyhub-protocol.md §4.6); amounts in whole pence. */
export interface PaymentDetails {
  amount: number
  payeeId: string
  payeeName?: string
  payeeRef: string
  payerRef: string
  /** The bank named at the start, used again for a refund of the payment. */
  bankId?: string
  /** For a refund: the payment it reverses (docs/moneyhub-protocol.md §4.7). */
  refundOf?: string
}

/** What a VRP consent authorised (docs/moneyhub-protocol.md §4.8); amounts in whole pence. */
export interface RecurringPaymentDetails {
  reference: string
  /** The payee named by Moneyhub id, when the consent was asked with one. */
  payeeId?: string
  payeeName?: string
  maximumIndividualAmount: number
  periodicLimits: {
    amount: number
    periodType: RecurringPaymentPeriodType
    periodAlignment: RecurringPaymentPeriodAlignment
  }[]
  validFromDate: string
  validToDate?: string
  /** Set when this BFF revoked the consent: no payment is attempted after it. */
  revokedAt?: string
}

/** What a standing order authorised (docs/moneyhub-protocol.md §4.9); amounts in whole pence. */
export interface StandingOrderDetails {
  reference: string
  /** The payee named by Moneyhub id, when the order was asked with one. */
  payeeId?: string
  payeeName?: string
  frequency: StandingOrderFrequency
  firstPaymentAmount: number
  recurringPaymentAmount?: number
  finalPaymentAmount?: number
  firstPaymentDate: string
  finalPaymentDate?: string
  numberOfPayments?: number
}

/**
 * What a payment-kind login transaction authorises, kept server-side in the transaction from
 * the PAR to the callback: the browser never holds it, so it cannot change what is paid after
 * the user saw it at the bank (issue 10, "what was authorised is what is paid").
 */
export type PaymentIntent =
  | { kind: 'payment'; details: PaymentDetails }
  | { kind: 'reverse_payment'; details: PaymentDetails & { refundOf: string } }
  | { kind: 'recurring_payment'; details: RecurringPaymentDetails }
  | { kind: 'standing_order'; details: StandingOrderDetails }
