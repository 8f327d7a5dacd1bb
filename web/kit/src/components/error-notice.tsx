import type { ReactNode } from 'react'
import type { BffError } from '../api/bff-error'
import { describeError } from '../api/describe-error'
import type { ErrorDescription } from '../api/describe-error'
import { cx } from '../internal/class-names'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { useMessages } from '../messages/use-messages'

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  error: BffError
  /** Called when the person presses the action button; no button without it. */
  onAction?: (() => void) | undefined
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
 * Shows a {@link BffError} as something a person can act on: a title, a plain sentence, one
 * action button (retry, reconnect, start again) and the correlation id to quote to support.
 * Announced to screen readers (`role="alert"`).
 */
export function ErrorNotice({
  error,
  onAction,
  className,
  children,
  describe = describeError,
}: ErrorNoticeProps) {
  const m = useMessages()
  const description = describe(error, m)
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
      {onAction ? (
        <button type="button" className="mhkit-button mhkit-error__action" onClick={onAction}>
          {description.actionLabel}
        </button>
      ) : null}
    </div>
  )
}
