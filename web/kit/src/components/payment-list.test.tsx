import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { payment } from '../../test/fixtures'
import { PaymentList } from './payment-list'

describe('PaymentList', () => {
  it('lists payments with amount, status and per-payment actions', async () => {
    const bff = fakeBff({
      'GET /api/payments': () =>
        json({
          data: [
            payment({ status: 'completed' }),
            payment({ id: 'pay-0002', status: 'rejected', payeeName: 'Bob' }),
          ],
        }),
    })
    renderWithKit(
      <PaymentList
        renderActions={(p) =>
          p.status === 'completed' ? <button type="button">Refund {p.payeeName}</button> : null
        }
      />,
      bff,
    )
    const list = await screen.findByRole('list', { name: 'Your payments' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent('Acme Ltd')
    expect(items[0]).toHaveTextContent('£15.00')
    expect(items[0]).toHaveTextContent('Completed')
    expect(items[1]).toHaveTextContent('Rejected')
    expect(screen.getAllByRole('button')).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Refund Acme Ltd' })).toBeInTheDocument()
  })

  it('says so when there are no payments', async () => {
    const bff = fakeBff({ 'GET /api/payments': () => json({ data: [] }) })
    renderWithKit(<PaymentList />, bff)
    expect(await screen.findByText('No payments yet')).toBeInTheDocument()
  })

  it('shows the empty state, not an error, to a browser without a session', async () => {
    const bff = fakeBff({ 'GET /api/payments': () => errorBody('unauthenticated', 401) })
    renderWithKit(<PaymentList />, bff)
    expect(await screen.findByText('No payments yet')).toBeInTheDocument()
    expect(screen.getByText('Payments you make here will appear in this list.')).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
