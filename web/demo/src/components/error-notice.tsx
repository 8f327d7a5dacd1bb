import { describeError, isBffError, type ErrorDescription } from '@mhkit/react'

/**
 * A visible, announced error: the kit's human explanation of what failed and what to do, and
 * the stable error code (and correlation id) for support. Never prints server text.
 * `describe` words it for another context (payments use the kit's `describePaymentError`).
 */
export function ErrorNotice({
  title,
  error,
  describe = describeError,
}: {
  readonly title: string
  readonly error: unknown
  readonly describe?: typeof describeError
}) {
  if (!isBffError(error)) {
    return (
      <div className="demo-alert" role="alert">
        <strong>{title}</strong>
        <p>Something went wrong. Please try again.</p>
      </div>
    )
  }
  const description: ErrorDescription = describe(error)
  return (
    <div className="demo-alert" role="alert">
      <strong>{title}</strong>
      <p>
        {description.message} (<code>{error.code}</code>
        {error.correlationId === undefined ? null : `, reference ${error.correlationId}`})
      </p>
    </div>
  )
}
