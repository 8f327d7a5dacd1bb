import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, renderWithKit } from '../../test/fake-bff'
import { CONNECTION_ID } from '../../test/fixtures'
import { DisconnectButton } from './disconnect-button'

const connection = { id: CONNECTION_ID, bankName: 'Barclays' }
const route = 'DELETE /api/connections/:id'
const done = () => new Response(null, { status: 204 })

function dialogOf(container: HTMLElement): HTMLDialogElement {
  const dialog = container.querySelector('dialog')
  if (!dialog) throw new Error('no dialog')
  return dialog
}

describe('DisconnectButton', () => {
  it('asks in a modal dialog first, with Cancel focused, and sends nothing until confirmed', async () => {
    const bff = fakeBff({ [route]: done })
    const { container } = renderWithKit(<DisconnectButton connection={connection} />, bff)
    const button = screen.getByRole('button', { name: 'Disconnect Barclays' })
    expect(button).toHaveAttribute('aria-haspopup', 'dialog')
    const dialog = dialogOf(container)
    expect(dialog.open).toBe(false)

    await userEvent.click(button)
    expect(dialog.open).toBe(true)
    expect(within(dialog).getByRole('heading', { name: 'Disconnect Barclays?' })).toBeVisible()
    expect(dialog).toHaveAccessibleName('Disconnect Barclays?')
    expect(dialog).toHaveAccessibleDescription(/stop reading your data from Barclays/)
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(dialog.open).toBe(false)
    expect(button).toHaveFocus()
    expect(bff.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0)
  })

  it('disconnects on confirmation, closes the dialog and announces it', async () => {
    const onDisconnected = vi.fn()
    const bff = fakeBff({ [route]: done })
    const { container } = renderWithKit(
      <DisconnectButton connection={connection} onDisconnected={onDisconnected} />,
      bff,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect Barclays' }))
    const dialog = dialogOf(container)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }))
    await waitFor(() => expect(onDisconnected).toHaveBeenCalledTimes(1))
    expect(bff.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1)
    expect(dialog.open).toBe(false)
    const announcer = document.querySelector('.mhkit-announcer')
    expect(announcer).toHaveAttribute('role', 'status')
    expect(announcer).toHaveTextContent('Barclays disconnected')
  })

  it('keeps the dialog open with the error and a retry when disconnecting fails', async () => {
    const bff = fakeBff({ [route]: () => errorBody('upstream_error', 502) })
    const { container } = renderWithKit(<DisconnectButton connection={connection} />, bff)
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect Barclays' }))
    const dialog = dialogOf(container)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Moneyhub unavailable')
    expect(dialog.open).toBe(true)
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(bff.calls.filter((c) => c.method === 'DELETE')).toHaveLength(2))
  })

  it('disconnects at once with confirm={false}', async () => {
    const bff = fakeBff({ [route]: done })
    const { container } = renderWithKit(
      <DisconnectButton connection={connection} confirm={false}>
        Remove
      </DisconnectButton>,
      bff,
    )
    expect(container.querySelector('dialog')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(bff.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1))
  })
})
