import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { RECURRING_PAYMENT_ID, recurringPayment } from '../../test/fixtures'
import { RecurringPaymentList } from './recurring-payment-list'

describe('RecurringPaymentList', () => {
  it('shows each consent with its limits and revokes an active one', async () => {
    let revoked = false
    const bff = fakeBff({
      'GET /api/recurring-payments': () =>
        json({ data: [recurringPayment(revoked ? { status: 'revoked' } : {})] }),
      'DELETE /api/recurring-payments/:id': () => {
        revoked = true
        return new Response(null, { status: 204 })
      },
    })
    renderWithKit(<RecurringPaymentList />, bff)
    const list = await screen.findByRole('list', { name: 'Your recurring payment permissions' })
    expect(list).toHaveTextContent('My savings')
    expect(list).toHaveTextContent('Up to £500.00 per payment')
    expect(list).toHaveTextContent('Up to £2,000.00 per month')
    expect(list).toHaveTextContent('Active')
    await userEvent.click(
      within(list).getByRole('button', { name: 'Revoke payments to My savings' }),
    )
    // Nothing is revoked until the person confirms.
    const confirm = within(list).getByRole('group', {
      name: 'Confirm revoking payments to My savings',
    })
    expect(bff.callsTo(`DELETE /api/recurring-payments/${RECURRING_PAYMENT_ID}`)).toHaveLength(0)
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, revoke' }))
    await waitFor(() => expect(list).toHaveTextContent('Revoked'))
    expect(bff.callsTo(`DELETE /api/recurring-payments/${RECURRING_PAYMENT_ID}`)).toHaveLength(1)
    expect(within(list).queryByRole('button')).toBeNull()
  })

  it('keeps the consent when the person changes their mind', async () => {
    const bff = fakeBff({
      'GET /api/recurring-payments': () => json({ data: [recurringPayment()] }),
    })
    renderWithKit(<RecurringPaymentList />, bff)
    await userEvent.click(await screen.findByRole('button', { name: /Revoke/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }))
    expect(screen.getByRole('button', { name: 'Revoke payments to My savings' })).toBeVisible()
    expect(bff.callsTo(`DELETE /api/recurring-payments/${RECURRING_PAYMENT_ID}`)).toHaveLength(0)
  })

  it('shows the empty state to a browser without a session, which has set none up', async () => {
    const bff = fakeBff({
      'GET /api/recurring-payments': () => errorBody('unauthenticated', 401),
    })
    renderWithKit(<RecurringPaymentList />, bff)
    expect(await screen.findByText('No recurring payment permissions yet')).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows a failed revoke as an alert a person can act on', async () => {
    const bff = fakeBff({
      'GET /api/recurring-payments': () => json({ data: [recurringPayment()] }),
      'DELETE /api/recurring-payments/:id': () => errorBody('upstream_unavailable', 503),
    })
    renderWithKit(<RecurringPaymentList />, bff)
    await userEvent.click(await screen.findByRole('button', { name: /Revoke/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Yes, revoke' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait a moment')
  })
})
