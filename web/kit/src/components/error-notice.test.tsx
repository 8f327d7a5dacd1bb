import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BffError } from '../api/bff-error'
import { ErrorNotice } from './error-notice'

afterEach(() => {
  vi.useRealTimers()
})

describe('ErrorNotice', () => {
  it('offers "Try again" for a retryable error and calls onAction', async () => {
    const onAction = vi.fn()
    render(<ErrorNotice error={new BffError('upstream_error', 'x')} onAction={onAction} />)
    await userEvent.click(
      within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' }),
    )
    expect(onAction).toHaveBeenCalledOnce()
    // With the action it offered, so one handler can tell a retry from a start-again.
    expect(onAction).toHaveBeenCalledWith('retry')
  })

  it('offers "Sign in" for a missing session and calls onSignIn, not onAction', async () => {
    const onAction = vi.fn()
    const onSignIn = vi.fn()
    render(
      <ErrorNotice
        error={new BffError('unauthenticated', 'x', { status: 401 })}
        onAction={onAction}
        onSignIn={onSignIn}
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(onSignIn).toHaveBeenCalledOnce()
    expect(onAction).not.toHaveBeenCalled()
  })

  it('shows no sign-in button when the app gave no way to sign in', () => {
    render(<ErrorNotice error={new BffError('session_expired', 'x')} onAction={vi.fn()} />)
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('puts the given action (e.g. a ReconnectButton) in place of the button', () => {
    render(
      <ErrorNotice
        error={new BffError('consent_expired', 'x')}
        onAction={vi.fn()}
        action={<button type="button">Reconnect Acme Bank</button>}
      />,
    )
    const buttons = within(screen.getByRole('alert')).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual(['Reconnect Acme Bank'])
  })

  it('counts a rate limit’s Retry-After down and only then enables "Try again"', async () => {
    vi.useFakeTimers()
    const onAction = vi.fn()
    render(
      <ErrorNotice
        error={new BffError('rate_limited', 'x', { status: 429, retryAfter: 2 })}
        onAction={onAction}
      />,
    )
    const button = screen.getByRole('button', { name: 'Try again' })
    expect(button).toBeDisabled()
    expect(button).toHaveTextContent('Try again in 2 s')
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000)
    })
    expect(button).toHaveTextContent('Try again in 1 s')
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000)
    })
    expect(button).toBeEnabled()
    expect(button).toHaveTextContent(/^Try again$/)
    button.click()
    expect(onAction).toHaveBeenCalledOnce()
  })

  it('keeps the countdown out of the alert’s accessible text', () => {
    render(
      <ErrorNotice
        error={new BffError('rate_limited', 'x', { status: 429, retryAfter: 5 })}
        onAction={vi.fn()}
      />,
    )
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
