import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { PAYMENT_ID, RECURRING_PAYMENT_ID, recurringPayment } from '../../test/fixtures'
import type { RecurringPayment } from '../api/contract'
import { RecurringPaymentPayForm } from './recurring-payment-pay-form'

const PAY_ROUTE = `POST /api/recurring-payments/${RECURRING_PAYMENT_ID}/pay`
const consent = recurringPayment() as RecurringPayment

async function pay(pounds: string) {
  const amount = screen.getByLabelText('Amount (£)')
  await userEvent.clear(amount)
  await userEvent.type(amount, pounds)
  await userEvent.click(screen.getByRole('button', { name: 'Pay' }))
}

describe('RecurringPaymentPayForm', () => {
  it('pays the amount in pence with the consent’s reference and announces the result', async () => {
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () =>
        json({ data: { paymentId: PAYMENT_ID, status: 'completed' } }),
    })
    const onPaid = vi.fn()
    renderWithKit(<RecurringPaymentPayForm consent={consent} onPaid={onPaid} />, bff)
    await pay('12.50')
    const status = await screen.findByText(/Payment sent/)
    expect(status).toHaveTextContent(`£12.50. Status: Completed. Payment reference ${PAYMENT_ID}`)
    expect(bff.callsTo(PAY_ROUTE)[0]?.body).toEqual({
      amount: 1250,
      payeeRef: 'Sweep to savings',
      payerRef: 'Sweep to savings',
    })
    expect(onPaid).toHaveBeenCalledWith({
      paymentId: PAYMENT_ID,
      status: 'completed',
      amount: 1250,
    })
  })

  it('refuses an amount that is not money or is over the maximum per payment, sending nothing', async () => {
    const bff = fakeBff({})
    renderWithKit(<RecurringPaymentPayForm consent={consent} />, bff)
    await pay('ten')
    expect(screen.getByLabelText('Amount (£)')).toHaveAccessibleDescription(
      'Enter an amount in pounds, like 25 or 12.50.',
    )
    await pay('500.01')
    expect(screen.getByLabelText('Amount (£)')).toHaveAccessibleDescription(
      'This permission allows at most £500.00 per payment.',
    )
    expect(bff.callsTo(PAY_ROUTE)).toHaveLength(0)
  })

  it('after a lost answer says the money may have moved, and Try again repeats the same attempt', async () => {
    let drop = true
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () => {
        if (drop) return errorBody('upstream_timeout', 504)
        return json({ data: { paymentId: PAYMENT_ID, status: 'pending' } })
      },
    })
    renderWithKit(<RecurringPaymentPayForm consent={consent} />, bff)
    await pay('25')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('before we heard whether the payment went through')
    expect(alert).toHaveTextContent('it will not be paid twice')
    drop = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/Payment sent/)).toHaveTextContent('Pending')
    const keys = bff.callsTo(PAY_ROUTE).map((call) => call.headers.get('idempotency-key'))
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
  })

  it('sends the person to set up a new consent when this one can no longer pay', async () => {
    const bff = fakeBff({
      'POST /api/recurring-payments/:id/pay': () => errorBody('recurring_payment_not_active', 403),
    })
    const onNeedsNewConsent = vi.fn()
    renderWithKit(
      <RecurringPaymentPayForm consent={consent} onNeedsNewConsent={onNeedsNewConsent} />,
      bff,
    )
    await pay('5')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Payment permission not active')
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }))
    await waitFor(() => expect(onNeedsNewConsent).toHaveBeenCalledOnce())
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
