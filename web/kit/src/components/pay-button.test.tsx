import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { BANK_URL, connectAnswer } from '../../test/fixtures'
import { PayButton } from './pay-button'

const pay = { amount: 1500, payeeId: 'payee-1', payeeRef: 'INV123', payerRef: 'INV123' }

describe('PayButton', () => {
  it('starts the payment on click, shows progress and sends the person to the bank', async () => {
    let answer: (r: Response) => void = () => undefined
    const bff = fakeBff({
      'POST /api/payments': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    const navigate = vi.fn()
    renderWithKit(
      <PayButton {...pay} navigate={navigate} returnTo="/paid">
        Pay £15.00
      </PayButton>,
      bff,
    )
    const button = screen.getByRole('button', { name: 'Pay £15.00' })
    await userEvent.click(button)
    expect(button).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Preparing a secure payment')
    await userEvent.click(button)
    answer(json(connectAnswer))
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(BANK_URL))
    expect(bff.callsTo('POST /api/payments')).toHaveLength(1)
    expect(bff.calls[0]?.body).toEqual({ ...pay, returnTo: '/paid' })
  })

  it('words a refusal for a payment and starts again from it', async () => {
    let calls = 0
    const bff = fakeBff({
      'POST /api/payments': () =>
        ++calls === 1 ? errorBody('invalid_request', 400) : json(connectAnswer),
    })
    const navigate = vi.fn()
    renderWithKit(<PayButton {...pay} navigate={navigate} />, bff)
    await userEvent.click(screen.getByRole('button', { name: 'Pay' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Check the payment details')
    expect(alert).toHaveTextContent('Reference: req-123')
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }))
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce())
  })
})
