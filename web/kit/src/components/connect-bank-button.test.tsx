import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { BANK_ID, BANK_URL, connectAnswer } from '../../test/fixtures'
import { ConnectBankButton } from './connect-bank-button'

describe('ConnectBankButton', () => {
  it('starts a connect flow for the chosen bank and shows progress', async () => {
    let answer: (r: Response) => void = () => undefined
    const bff = fakeBff({
      'POST /api/connect': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    const navigate = vi.fn()
    renderWithKit(
      <ConnectBankButton bankId={BANK_ID} navigate={navigate} className="cta">
        Connect Mock Bank
      </ConnectBankButton>,
      bff,
    )
    const button = screen.getByRole('button', { name: 'Connect Mock Bank' })
    await userEvent.click(button)
    expect(button).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Preparing a secure connection')
    // A second click while busy does not start a second flow.
    await userEvent.click(button)
    answer(json(connectAnswer))
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(BANK_URL))
    expect(bff.callsTo('POST /api/connect')).toHaveLength(1)
    expect(screen.getByRole('status')).toHaveTextContent('Taking you to your bank')
  })

  it('shows a failure a person can act on, and starts again from it', async () => {
    let calls = 0
    const bff = fakeBff({
      'POST /api/connect': () =>
        ++calls === 1 ? errorBody('upstream_unavailable', 503) : json(connectAnswer),
    })
    const navigate = vi.fn()
    const onError = vi.fn()
    renderWithKit(<ConnectBankButton navigate={navigate} onError={onError} />, bff)
    await userEvent.click(screen.getByRole('button', { name: 'Connect your bank' }))
    const alert = await screen.findByRole('alert')
    // Connecting never started: the title says so, the message says why and what to do.
    expect(alert).toHaveTextContent('Could not start connecting')
    expect(alert).toHaveTextContent('The service is busy')
    expect(alert).not.toHaveTextContent('Too many requests')
    expect(onError).toHaveBeenCalledOnce()
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(BANK_URL))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
