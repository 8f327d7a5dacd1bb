import { describeError, ErrorNotice, type BffError, type ErrorNoticeProps } from '@mhkit/react'

/**
 * The kit's {@link ErrorNotice} titled with what did not happen in this place ("The payment was
 * not made"), with the error's code on a line of its own for support (and for the journeys,
 * which read it from the `<code>`). The message, the action and its countdown stay the kit's.
 *
 * @param props.title - what failed, in the words of the screen
 * @param props.error - the flow's or the request's error
 * @param props.actionLabel - replaces the action's label where the screen's action is one
 *   thing whatever went wrong (the callback page's "Try again" starts the flow anew); a wait
 *   keeps the kit's label
 */
export function TitledErrorNotice({
  title,
  error,
  describe = describeError,
  actionLabel,
  onAction,
  onSignIn,
}: {
  readonly title: string
  readonly error: BffError
  readonly describe?: NonNullable<ErrorNoticeProps['describe']>
  readonly actionLabel?: string
  readonly onAction?: ErrorNoticeProps['onAction']
  readonly onSignIn?: () => void
}) {
  return (
    <ErrorNotice
      error={error}
      onAction={onAction}
      onSignIn={onSignIn}
      describe={(failure, messages) => {
        const description = describe(failure, messages)
        return actionLabel === undefined || description.action === 'wait'
          ? { ...description, title }
          : { ...description, title, actionLabel }
      }}
    >
      <p className="demo-error-code">
        Error code: <code>{error.code}</code>
      </p>
    </ErrorNotice>
  )
}
