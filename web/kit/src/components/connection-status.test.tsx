import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { BANK_URL, connectAnswer, connection, CONNECTION_ID } from '../../test/fixtures'
import { ConnectionStatus } from './connection-status'
import { DisconnectButton } from './disconnect-button'
import { reconnectKind } from './reconnect-button'

const now = () => new Date('2026-11-26T10:00:00Z')

describe('ConnectionStatus', () => {
  it('counts down to consent expiry and offers reconsent when it is expiring', async () => {
    const bff = fakeBff({
      'GET /api/connections': () => json({ data: [connection({ status: 'expiring' })] }),
      'POST /api/connect': () => json(connectAnswer),
    })
    const navigate = vi.fn()
    renderWithKit(<ConnectionStatus now={now} navigate={navigate} returnTo="/settings" />, bff)
    const list = await screen.findByRole('list', { name: 'Bank connections' })
    const item = within(list).getByRole('listitem')
    expect(item).toHaveTextContent('Access ending soon')
    expect(item).toHaveTextContent('Access ends in 5 days')

    await userEvent.click(
      within(item).getByRole('button', { name: 'Reconnect Moneyhub Open Banking Mock' }),
    )
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(BANK_URL))
    expect(bff.callsTo('POST /api/connect')[0]?.body).toEqual({
      kind: 'reconsent',
      connectionId: CONNECTION_ID,
      returnTo: '/settings',
    })
  })

  it('shows an expired consent with the date it ended and a reauth action', async () => {
    const bff = fakeBff({
      'GET /api/connections': () =>
        json({
          data: [connection({ status: 'expired', consentExpiresAt: '2026-11-20T10:00:00Z' })],
        }),
    })
    renderWithKit(<ConnectionStatus now={now} />, bff)
    const item = await screen.findByRole('listitem')
    expect(item).toHaveTextContent('Access expired')
    expect(item).toHaveTextContent('Access ended on 20 Nov 2026')
    expect(within(item).getByRole('button')).toBeInTheDocument()
  })

  it('offers no reconnect for an active connection', async () => {
    const bff = fakeBff({ 'GET /api/connections': () => json({ data: [connection()] }) })
    renderWithKit(<ConnectionStatus now={now} />, bff)
    const item = await screen.findByRole('listitem')
    expect(item).toHaveTextContent('Connected')
    expect(within(item).queryByRole('button')).toBeNull()
  })

  it('disconnects a bank and refetches connections and accounts', async () => {
    let connections = [connection()]
    const bff = fakeBff({
      'GET /api/connections': () => json({ data: connections }),
      'GET /api/accounts': () => json({ data: [] }),
      'DELETE /api/connections/:id': () => {
        connections = []
        return new Response(null, { status: 204 })
      },
    })
    renderWithKit(
      <ConnectionStatus now={now} renderActions={(c) => <DisconnectButton connection={c} />} />,
      bff,
    )
    await userEvent.click(
      await screen.findByRole('button', { name: 'Disconnect Moneyhub Open Banking Mock' }),
    )
    // DisconnectButton asks first; confirm in its dialog.
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }))
    expect(await screen.findByText('No banks connected yet.')).toBeInTheDocument()
    const [deleted] = bff.callsTo(`DELETE /api/connections/${encodeURIComponent(CONNECTION_ID)}`)
    expect(deleted?.headers.get('x-csrf')).toBe('1')
    expect(bff.callsTo('GET /api/connections')).toHaveLength(2)
  })
})

describe('reconnectKind', () => {
  it('picks reconsent, refresh or reauth from the connection facts', () => {
    const expiring = connection({ status: 'expiring' }) as Parameters<typeof reconnectKind>[0]
    expect(reconnectKind(expiring)).toBe('reconsent')
    expect(reconnectKind({ ...expiring, reconsentAvailable: false })).toBe('reauth')
    expect(reconnectKind({ ...expiring, status: 'expired' })).toBe('reauth')
    expect(reconnectKind({ ...expiring, status: 'error', type: 'legacy' })).toBe('refresh')
    expect(reconnectKind({ ...expiring, status: 'error', type: 'api' })).toBe('reauth')
  })
})
