import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { StandingOrderList } from './standing-order-list'

function standingOrder(overrides: Record<string, unknown> = {}) {
  return {
    id: 'so-1',
    status: 'initiation_completed',
    reference: 'Rent',
    frequency: { repeat: 'monthly', day: 1 },
    firstPaymentAmount: { value: 75_000, currency: 'GBP' },
    firstPaymentDate: '2026-04-01',
    numberOfPayments: 12,
    createdAt: '2026-03-20T10:00:00Z',
    ...overrides,
  }
}

describe('StandingOrderList', () => {
  it('shows each standing order with its schedule and status', async () => {
    const bff = fakeBff({
      'GET /api/standing-orders': () =>
        json({
          data: [
            standingOrder(),
            standingOrder({
              id: 'so-2',
              reference: 'Pocket money',
              status: 'in_progress',
              frequency: { repeat: 'weekly', day: 5, onlyWorkDays: true },
              firstPaymentAmount: { value: 1000, currency: 'GBP' },
              recurringPaymentAmount: { value: 500, currency: 'GBP' },
              numberOfPayments: undefined,
              finalPaymentDate: '2026-12-25',
            }),
          ],
        }),
    })
    renderWithKit(<StandingOrderList />, bff)
    const list = await screen.findByRole('list', { name: 'Your standing orders' })
    const [rent, pocket] = list.querySelectorAll(':scope > li')
    expect(rent).toHaveTextContent('Rent')
    expect(rent).toHaveTextContent('Set up')
    expect(rent).toHaveTextContent('£750.00')
    expect(rent).toHaveTextContent('On the 1st of every month')
    expect(rent).toHaveTextContent('First payment 1 Apr 2026')
    expect(rent).toHaveTextContent('12 payments')
    expect(pocket).toHaveTextContent('Waiting for the bank')
    expect(pocket).toHaveTextContent('Every Friday (working days only)')
    expect(pocket).toHaveTextContent('Then £5.00 each time')
    expect(pocket).toHaveTextContent('Last payment 25 Dec 2026')
  })

  it('says so when there are none', async () => {
    const bff = fakeBff({ 'GET /api/standing-orders': () => json({ data: [] }) })
    renderWithKit(<StandingOrderList />, bff)
    expect(await screen.findByText('No standing orders yet')).toBeVisible()
  })

  it('shows the empty state to a browser without a session, which has started none', async () => {
    const bff = fakeBff({ 'GET /api/standing-orders': () => errorBody('unauthenticated', 401) })
    renderWithKit(<StandingOrderList />, bff)
    expect(await screen.findByText('No standing orders yet')).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows a failed load as an alert with a retry', async () => {
    const bff = fakeBff({
      'GET /api/standing-orders': () => errorBody('upstream_unavailable', 503),
    })
    renderWithKit(<StandingOrderList />, bff)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Please wait a moment')
    expect(alert.querySelector('button')).not.toBeNull()
  })
})
