import { BffError } from './bff-error'
import type {
  PaymentRequestInput,
  RecurringPaymentPayRequest,
  RecurringPaymentRequestInput,
  StandingOrderRequestInput,
} from './contract'

/** One field a check refused: its dotted path (`amount`, `payee.sortCode`) and zod's reason. */
export interface FieldIssue {
  path: string
  message: string
}

/**
 * Synchronous checks of a payment form with the rules the BFF applies (the shared contract
 * schemas), so a form can show field errors before anything is sent — and still start a popup
 * flow from the same click, which must open its window synchronously.
 */
export interface PaymentChecks {
  /** Checks a `POST /api/payments` body; `[]` when the BFF would accept it. */
  payment(input: PaymentRequestInput): FieldIssue[]
  /** Checks a new payee's bank details (name, sort code, account number). */
  payee(input: { name: string; sortCode: string; accountNumber: string }): FieldIssue[]
  /** Checks a refund's optional partial amount, in whole pence. */
  refund(input: { amount?: number }): FieldIssue[]
  /** Checks a `POST /api/recurring-payments` body (a VRP consent with its limits). */
  recurringPayment(input: RecurringPaymentRequestInput): FieldIssue[]
  /** Checks a `POST /api/recurring-payments/:id/pay` body. */
  recurringPaymentPay(input: RecurringPaymentPayRequest): FieldIssue[]
  /** Checks a `POST /api/standing-orders` body. */
  standingOrder(input: StandingOrderRequestInput): FieldIssue[]
}

interface Parser {
  safeParse(input: unknown): {
    success: boolean
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }
  }
}

function issuesOf(schema: Parser, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input)
  if (result.success) return []
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}

let pending: Promise<PaymentChecks> | undefined

/**
 * Loads the payment form checks once per page (a separate chunk with zod and the payment
 * request schemas, downloaded only by apps that call this).
 *
 * @returns the checks
 * @throws BffError `network_error` when the chunk cannot be loaded (not remembered: the next
 *   call tries again)
 */
export function loadPaymentChecks(): Promise<PaymentChecks> {
  pending ??= import('./payment-check-schemas').then(
    ({ paymentCheckSchemas: s }) => ({
      payment: (input) => issuesOf(s.payment, input),
      payee: (input) => issuesOf(s.payee, input),
      refund: (input) => issuesOf(s.refund, input),
      recurringPayment: (input) => issuesOf(s.recurringPayment, input),
      recurringPaymentPay: (input) => issuesOf(s.recurringPaymentPay, input),
      standingOrder: (input) => issuesOf(s.standingOrder, input),
    }),
    (cause: unknown) => {
      pending = undefined
      throw new BffError('network_error', 'The payment form checks could not be loaded.', {
        cause,
      })
    },
  )
  return pending
}
