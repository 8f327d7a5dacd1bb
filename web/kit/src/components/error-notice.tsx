import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import type { BffError } from '../api/bff-error'
import { describeError } from '../api/describe-error'
import type { ErrorAction, ErrorDescription } from '../api/describe-error'
import { cx } from '../internal/class-names'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { useMessages } from '../messages/use-messages'

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  error: BffError
  /**
   * The action for retry, wait, start-again and reconnect errors (e.g. `() => query.refetch()`);
   * no button without it. It is called with the action the button offers, so one handler can
   * do what each calls for (send the same form again after a `retry`, go back to its first field
   * after a `start-again`). A `wait` error's button stays disabled until its `retryAfter` has
   * passed.
   */
  onAction?: ((action: ErrorAction) => void) | undefined
  /** The action for `sign-in` errors (no session): your app's sign-in or connect page. */
  onSignIn?: (() => void) | undefined
  /** Replaces the button, e.g. `<ReconnectButton connection={c} />` for a reconnect error. */
  action?: ReactNode
  className?: string
  /** Extra content under the message. */
  children?: ReactNode
  /**
   * How to word the error; default {@link describeError} (payments use `describePaymentError`).
   * Called with the provider's `messages`.
   */
  describe?: ((error: BffError, messages: MhkitMessages) => ErrorDescription) | undefined
}

/**
 * Shows a {@link BffError} as something a person can act on: a title, a plain sentence, the
 * one action that fits it (`describeError(error).action`: try again, reconnect, sign in, or try
 * again after the wait the BFF asked for, counted down) and the correlation id to quote to
 * support. Announced to screen readers (`role="alert"`).
 */
export function ErrorNotice({
  error,
  onAction,
  onSignIn,
  action,
  className,
  children,
  describe = describeError,
}: ErrorNoticeProps) {
  const m = useMessages()
  const description = describe(error, m)
  const [wait, setWait] = useState(error.retryAfter ?? 0)
  useEffect(() => setWait(error.retryAfter ?? 0), [error])
  useEffect(() => {
    if (wait <= 0) return
    const timer = setTimeout(() => setWait(wait - 1), 1000)
    return () => clearTimeout(timer)
  }, [wait])
  const onClick =
    description.action === 'sign-in'
      ? onSignIn
      : onAction === undefined
        ? undefined
        : () => onAction(description.action)
  const waiting = description.action === 'wait' && wait > 0
  return (
    <div role="alert" className={cx('mhkit-error', className)} data-code={error.code}>
      <p className="mhkit-error__title">{description.title}</p>
      <p className="mhkit-error__message">{description.message}</p>
      {error.correlationId ? (
        <p className="mhkit-error__reference">
          {m.errorReference ?? 'Reference:'} {error.correlationId}
        </p>
      ) : null}
      {children}
      {action ??
        (onClick ? (
          <button
            type="button"
            className="mhkit-button mhkit-error__action"
            onClick={onClick}
            disabled={waiting}
          >
            {description.actionLabel}
            {/* Hidden from the alert so the countdown is not read out every second. */}
            {waiting ? (
              <span aria-hidden="true">{m.retryCountdown?.(wait) ?? ` in ${wait} s`}</span>
            ) : null}
          </button>
        ) : null)}
    </div>
  )
}
