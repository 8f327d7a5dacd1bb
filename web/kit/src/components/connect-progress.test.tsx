import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { BANK_ID, CONNECTION_ID } from '../../test/fixtures'
import { ConnectProgress, connectProgressStep } from './connect-progress'

const signedOut = () => fakeBff({ 'GET /api/session': () => json({ authenticated: false }) })

function steps() {
  const list = screen.getByRole('list', { name: 'Connecting your bank' })
  return within(list)
    .getAllByRole('listitem')
    .map((item) => `${item.textContent ?? ''}:${item.getAttribute('data-state') ?? ''}`)
}

describe('connectProgressStep', () => {
  it('maps the start page’s and the return page’s statuses onto the four steps', () => {
    expect(connectProgressStep('preparing')).toBe('preparing')
    expect(connectProgressStep('awaiting-user')).toBe('at-bank')
    expect(connectProgressStep('completing')).toBe('finishing')
    expect(connectProgressStep('loading')).toBe('finishing')
    expect(connectProgressStep('pending')).toBe('finishing')
    expect(connectProgressStep('succeeded')).toBe('connected')
    expect(connectProgressStep('failed')).toBeUndefined()
    expect(connectProgressStep('cancelled')).toBeUndefined()
    expect(connectProgressStep('idle')).toBeUndefined()
  })
})

describe('ConnectProgress', () => {
  it('marks the current step, the ones before as done, and announces it politely', () => {
    renderWithKit(<ConnectProgress status="awaiting-user" />, signedOut())
    expect(steps()).toEqual([
      'Preparing (done):done',
      'At your bank:current',
      'Finishing:todo',
      'Connected:todo',
    ])
    expect(screen.getByText('At your bank').closest('li')).toHaveAttribute('aria-current', 'step')
    const status = screen.getByRole('status')
    expect(status).toHaveAttribute('aria-live', 'polite')
    expect(status).toHaveTextContent('Continue at your bank…')
  })

  it('shows a clear success with the bank’s name from the session and what comes next', async () => {
    const bff = fakeBff({
      'GET /api/session': () =>
        json({
          authenticated: true,
          user: { id: 'user-1' },
          expiresAt: '2026-11-22T12:00:00Z',
          connections: [
            { id: CONNECTION_ID, bankId: BANK_ID, bankName: 'Acme Bank', status: 'active' },
          ],
        }),
    })
    renderWithKit(
      <ConnectProgress status="succeeded" connectionId={CONNECTION_ID}>
        <a href="/accounts">See your accounts</a>
      </ConnectProgress>,
      bff,
    )
    expect(await screen.findByText('Acme Bank connected.')).toHaveAttribute('role', 'status')
    expect(steps().every((step) => step.endsWith(':done'))).toBe(true)
    expect(screen.getByRole('link', { name: 'See your accounts' })).toBeInTheDocument()
  })

  it('says "Your bank connected." when it cannot name the bank, and hides next steps until then', () => {
    const { rerender } = renderWithKit(
      <ConnectProgress status="completing">
        <a href="/accounts">See your accounts</a>
      </ConnectProgress>,
      signedOut(),
    )
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Finishing connecting your bank…')
    rerender(
      <ConnectProgress status="succeeded" bankName="Zed Bank">
        <a href="/accounts">See your accounts</a>
      </ConnectProgress>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('Zed Bank connected.')
  })

  it('renders nothing when idle or failed (the error notice explains failures)', () => {
    const { container, rerender } = renderWithKit(<ConnectProgress status="idle" />, signedOut())
    expect(container).toBeEmptyDOMElement()
    rerender(<ConnectProgress status="failed" />)
    expect(container).toBeEmptyDOMElement()
  })
})
