import { EmptyState, formatMoney, RecurringPaymentList, useRecurringPayments } from '@mhkit/react'
import { useState } from 'react'
import { RecurringPaymentConsentForm } from '../components/recurring-payment-consent-form'
import {
  paymentStatusText,
  RecurringPaymentPaySection,
  type RecurringPaymentMade,
} from '../components/recurring-payment-pay-section'

/**
 * The `/recurring-payments` screen. Variable recurring payments: set up a permission with limits at the bank, see each
 * permission with its limits and status, pay with one (the limits refuse too much), revoke it.
 */
export function RecurringPayments() {
  const consents = useRecurringPayments()
  const [selectedId, setSelectedId] = useState('')
  const [made, setMade] = useState<readonly RecurringPaymentMade[]>([])
  const list = consents.data?.data ?? []

  // A retried attempt answers with the first payment, so it is listed once.
  const onPaid = (payment: RecurringPaymentMade) =>
    setMade((previous) =>
      previous.some((p) => p.paymentId === payment.paymentId) ? previous : [payment, ...previous],
    )

  return (
    <>
      <section className="demo-panel" aria-labelledby="vrp-heading">
        <h1 id="vrp-heading">Recurring payments</h1>
        <h2>Your permissions</h2>
        <RecurringPaymentList
          label="Your recurring payment permissions"
          renderActions={(consent) =>
            consent.status === 'authorised' ? (
              <button
                type="button"
                className="demo-button"
                data-variant="secondary"
                aria-label={`Pay with the permission for ${consent.payeeName ?? consent.reference}`}
                onClick={() => {
                  setSelectedId(consent.id)
                  document.getElementById('vrp-pay-consent')?.focus()
                }}
              >
                Pay with this
              </button>
            ) : null
          }
        >
          <EmptyState title="No recurring payment permissions yet">
            <p>Set one up below, then pay with it here.</p>
          </EmptyState>
        </RecurringPaymentList>
      </section>
      {list.length > 0 ? (
        <section className="demo-panel">
          <RecurringPaymentPaySection
            consents={list}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onPaid={onPaid}
            onNewPermission={() => document.getElementById('vrp-payee-name')?.focus()}
          />
          {made.length > 0 ? (
            <>
              <h3>Payments made on this page</h3>
              <ul className="demo-made-list" aria-label="Payments made">
                {made.map((payment) => (
                  <li key={payment.paymentId}>
                    <span>
                      {formatMoney({ value: payment.amount, currency: 'GBP' })} to {payment.payee}
                    </span>
                    <span className="demo-muted">{paymentStatusText[payment.status]}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="demo-panel">
        <RecurringPaymentConsentForm />
      </section>
    </>
  )
}
