import { act, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { payment, PAYMENT_ID } from '../../test/fixtures'
import { PaymentStatus } from './payment-status'

afterEach(() => {
  vi.useRealTimers()
})

describe('PaymentStatus', () => {
  it('announces each status change until the payment is final, then shows its details', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const statuses = ['pending', 'completed']
    const bff = fakeBff({
      'GET /api/payments/:id': () =>
        json({ data: payment({ status: statuses.shift() ?? 'completed' }) }),
    })
    renderWithKit(
      <PaymentStatus paymentId={PAYMENT_ID}>
        <a href="/shop">Back to the shop</a>
      </PaymentStatus>,
      bff,
    )
    await act(() => vi.advanceTimersByTimeAsync(10))
    const region = screen.getByRole('region', { name: 'Payment' })
    expect(screen.getByRole('status')).toHaveTextContent('on its way')
    expect(region).toHaveAttribute('aria-busy', 'true')
    expect(screen.queryByRole('link')).toBeNull()

    await act(() => vi.advanceTimersByTimeAsync(1010))
    expect(screen.getByRole('status')).toHaveTextContent('Payment complete.')
    expect(region).toHaveAttribute('aria-busy', 'false')
    expect(region).toHaveAttribute('data-status', 'completed')
    expect(region).toHaveTextContent('£15.00')
    expect(region).toHaveTextContent('Acme Ltd')
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toBeInTheDocument()
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(bff.callsTo(`GET /api/payments/${PAYMENT_ID}`)).toHaveLength(2)
  })

  it('says no money moved when the bank rejected the payment', async () => {
    const bff = fakeBff({
      'GET /api/payments/:id': () => json({ data: payment({ status: 'rejected' }) }),
    })
    renderWithKit(<PaymentStatus paymentId={PAYMENT_ID} />, bff)
    expect(await screen.findByText(/rejected the payment/)).toHaveTextContent('No money has moved')
  })

  it('shows a payment it may not read as not found, with a way forward', async () => {
    const bff = fakeBff({ 'GET /api/payments/:id': () => errorBody('not_found', 404) })
    renderWithKit(<PaymentStatus paymentId={PAYMENT_ID} />, bff)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Payment not found')
  })

  it('renders nothing without a payment id', () => {
    const bff = fakeBff()
    const { container } = renderWithKit(<PaymentStatus paymentId={undefined} />, bff)
    expect(container).toBeEmptyDOMElement()
    expect(bff.calls).toHaveLength(0)
  })
})
