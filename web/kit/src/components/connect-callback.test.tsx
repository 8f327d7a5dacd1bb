import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { failedFlow, FLOW_ID, succeededFlow } from '../../test/fixtures'
import { ConnectCallback } from './connect-callback'

describe('ConnectCallback', () => {
  it('shows progress, then success with the app content, firing onSuccess once', async () => {
    window.history.replaceState(null, '', `/connected?flow=${FLOW_ID}`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(succeededFlow) })
    const onSuccess = vi.fn()
    renderWithKit(
      <ConnectCallback onSuccess={onSuccess}>
        <a href="/accounts">See your accounts</a>
      </ConnectCallback>,
      bff,
    )
    expect(screen.getByRole('status')).toHaveTextContent('Finishing connecting your bank')
    expect(await screen.findByText('Your bank is connected.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'See your accounts' })).toBeInTheDocument()
    expect(onSuccess).toHaveBeenCalledOnce()
  })

  it('explains a denied consent and offers to start again', async () => {
    window.history.replaceState(null, '', `/connected?flow=${FLOW_ID}`)
    const bff = fakeBff({ 'GET /api/flows/:flowId': () => json(failedFlow) })
    const onStartAgain = vi.fn()
    renderWithKit(<ConnectCallback onStartAgain={onStartAgain} />, bff)
    expect(await screen.findByRole('alert')).toHaveTextContent('Not authorised')
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }))
    expect(onStartAgain).toHaveBeenCalledOnce()
  })

  it('shows a callback that landed with ?flowError and offers to start again', async () => {
    window.history.replaceState(null, '', '/connected?flowError=state_mismatch')
    const bff = fakeBff()
    const onStartAgain = vi.fn()
    const onError = vi.fn()
    renderWithKit(<ConnectCallback onStartAgain={onStartAgain} onError={onError} />, bff)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not finish connecting')
    expect(alert).toHaveAttribute('data-code', 'state_mismatch')
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }))
    expect(onStartAgain).toHaveBeenCalledOnce()
    expect(onError).toHaveBeenCalledOnce()
    expect(bff.calls).toHaveLength(0)
  })

  it('lets the person retry reading the outcome after a network failure', async () => {
    window.history.replaceState(null, '', `/connected?flow=${FLOW_ID}`)
    let calls = 0
    const bff = fakeBff({
      'GET /api/flows/:flowId': () =>
        ++calls === 1 ? Promise.reject(new TypeError('offline')) : json(succeededFlow),
    })
    const onSuccess = vi.fn()
    const onError = vi.fn()
    renderWithKit(<ConnectCallback onSuccess={onSuccess} onError={onError} />, bff)
    expect(await screen.findByRole('alert')).toHaveTextContent('Connection lost')
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Your bank is connected.')).toBeInTheDocument()
    // The network failure was not the outcome: only the real outcome is reported.
    expect(onError).not.toHaveBeenCalled()
    expect(onSuccess).toHaveBeenCalledOnce()
  })

  it('renders nothing on a page without a flow', () => {
    window.history.replaceState(null, '', '/')
    const { container } = renderWithKit(<ConnectCallback />, fakeBff())
    expect(container).toBeEmptyDOMElement()
  })
})
