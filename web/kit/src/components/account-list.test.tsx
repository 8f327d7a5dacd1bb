import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { account } from '../../test/fixtures'
import { AccountList } from './account-list'

describe('AccountList', () => {
  it('shows a busy status while loading, then each account with its balance in pounds', async () => {
    const bff = fakeBff({ 'GET /api/accounts': () => json({ data: [account] }) })
    const { container } = renderWithKit(<AccountList className="mine" />, bff)
    expect(screen.getByRole('status')).toHaveTextContent('Loading accounts')
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull()

    const list = await screen.findByRole('list', { name: 'Your accounts' })
    expect(list).toHaveClass('mhkit-accounts', 'mine')
    const item = within(list).getByRole('listitem')
    expect(item).toHaveTextContent('Everyday Current')
    expect(item).toHaveTextContent('·· 4321')
    expect(item).toHaveTextContent('£1,234.56')
    expect(container.querySelector('[style]')).toBeNull()
  })

  it('shows the empty state when there are no accounts', async () => {
    const bff = fakeBff({ 'GET /api/accounts': () => json({ data: [] }) })
    renderWithKit(<AccountList>Nothing here yet</AccountList>, bff)
    expect(await screen.findByText('Nothing here yet')).toBeInTheDocument()
  })

  it('explains an expired consent and takes the person to reconnect, not to a retry', async () => {
    const bff = fakeBff({ 'GET /api/accounts': () => errorBody('consent_expired', 403) })
    const onReconnect = vi.fn()
    renderWithKit(<AccountList onReconnect={onReconnect} />, bff)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Reconnect needed')
    expect(alert).toHaveTextContent('Reference: req-123')
    const calls = bff.calls.length
    await userEvent.click(within(alert).getByRole('button', { name: 'Reconnect your bank' }))
    expect(onReconnect).toHaveBeenCalledOnce()
    expect(bff.calls).toHaveLength(calls)
  })

  it('offers no Reconnect button that would only retry when the app gives no way to reconnect', async () => {
    const bff = fakeBff({ 'GET /api/accounts': () => errorBody('consent_expired', 403) })
    renderWithKit(<AccountList />, bff)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Reconnect to continue')
    expect(within(alert).queryByRole('button')).toBeNull()
  })

  it('retries after a network failure when the person presses Try again', async () => {
    let calls = 0
    const bff = fakeBff({
      'GET /api/accounts': () =>
        ++calls === 1 ? Promise.reject(new TypeError('offline')) : json({ data: [account] }),
    })
    renderWithKit(<AccountList />, bff)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Connection lost')
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.getByRole('list')).toHaveTextContent('Everyday Current'))
  })

  it('shows a contract violation as an error, never as data', async () => {
    const bff = fakeBff({
      'GET /api/accounts': () =>
        json({ data: [{ ...account, balance: { amount: { value: 1.5 } } }] }),
    })
    renderWithKit(<AccountList />, bff)
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong')
    expect(screen.queryByRole('list')).toBeNull()
  })

  it.each(['unauthenticated', 'session_expired'])(
    'invites a browser without a session (%s) to connect a bank instead of showing an error',
    async (code) => {
      const bff = fakeBff({ 'GET /api/accounts': () => errorBody(code, 401) })
      renderWithKit(<AccountList />, bff)
      expect(await screen.findByText(/No accounts yet/)).toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Connect your bank' })).toBeInTheDocument()
      expect(screen.queryByRole('alert')).toBeNull()
    },
  )

  it('still shows a reconnect error for a connection that needs it (401 reauth_required)', async () => {
    const bff = fakeBff({ 'GET /api/accounts': () => errorBody('reauth_required', 401) })
    renderWithKit(<AccountList />, bff)
    expect(await screen.findByRole('alert')).toHaveTextContent('Reconnect needed')
  })
})
