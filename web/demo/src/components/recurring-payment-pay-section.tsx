import {
  RecurringPaymentPayForm,
  type PaymentStatusValue,
  type RecurringPayment,
} from '@mhkit/react'
import { useEventLog } from '../event-log'
import { FundsCheck } from './funds-check'

/** One payment made with a permission, as the pay answer described it. */
export interface RecurringPaymentMade {
  readonly paymentId: string
  readonly status: PaymentStatusValue
  readonly amount: number
  readonly payee: string
}

/** Badge text of a payment status. */
export const paymentStatusText: { readonly [S in PaymentStatusValue]: string } = {
  in_progress: 'In progress',
  pending: 'Pending at the bank',
  completed: 'Completed',
  rejected: 'Rejected by the bank',
  cancelled: 'Cancelled',
  abandoned: 'Not finished',
  failed: 'Failed',
}

const consentState: Readonly<Partial<Record<RecurringPayment['status'], string>>> = {
  revoked: 'revoked',
  expired: 'expired',
  rejected: 'rejected by the bank',
  failed: 'not set up',
  in_progress: 'still waiting for the bank',
}

const nameOf = (consent: RecurringPayment) => consent.payeeName ?? consent.reference

/**
 * Pays with one of the person's VRP permissions, without a trip to the bank: pick the
 * permission, then the kit's {@link RecurringPaymentPayForm} takes the amount and reference.
 * Permissions that can no longer pay stay selectable, so the demo shows the bank's refusal.
 */
export function RecurringPaymentPaySection({
  consents,
  selectedId,
  onSelect,
  onPaid,
  onNewPermission,
}: {
  readonly consents: readonly RecurringPayment[]
  readonly selectedId: string
  readonly onSelect: (id: string) => void
  readonly onPaid: (payment: RecurringPaymentMade) => void
  /** Takes the person to setting up a new permission. */
  readonly onNewPermission: () => void
}) {
  const { record } = useEventLog()
  const consent = consents.find((c) => c.id === selectedId) ?? consents[0]
  if (consent === undefined) return null
  const inactive = consentState[consent.status]
  return (
    <div className="demo-form" aria-labelledby="vrp-pay-heading" role="group">
      <h2 id="vrp-pay-heading">Pay with a permission</h2>
      <div className="demo-field">
        <label htmlFor="vrp-pay-consent">Permission</label>
        <select
          id="vrp-pay-consent"
          value={consent.id}
          onChange={(event) => onSelect(event.target.value)}
        >
          {consents.map((c) => (
            <option key={c.id} value={c.id}>
              {nameOf(c)} · {c.reference}
              {consentState[c.status] === undefined ? '' : ` (${consentState[c.status]})`}
            </option>
          ))}
        </select>
      </div>
      {inactive === undefined ? null : (
        <p className="demo-muted" role="note">
          This permission is {inactive}: the bank will refuse a payment with it.
        </p>
      )}
      {/* A new form per permission: its result and error belong to that permission. */}
      <RecurringPaymentPayForm
        key={consent.id}
        consent={consent}
        label="Pay with a permission"
        onPaid={(payment) => {
          record('vrp-pay:success', payment.status)
          onPaid({ ...payment, payee: nameOf(consent) })
        }}
        onError={(error) => record('vrp-pay:error', error.code)}
        onNeedsNewConsent={onNewPermission}
      />
      {inactive === undefined ? (
        <FundsCheck key={`funds-${consent.id}`} recurringPaymentId={consent.id} />
      ) : null}
    </div>
  )
}
