import type { BffError, ErrorDescription } from '@mhkit/react'

/**
 * What a form's error button does. A passing failure (try again, or wait and try again) sends
 * the same details again: the form is still filled in. Anything else (details the bank or the
 * BFF refused, a limit exceeded) would only be refused again, so "Start again" takes the person
 * back to the form's first field to change them.
 *
 * @param error - the flow's error
 * @param describe - how the screen words it (`describePaymentError`)
 * @param form - the form
 */
export function formErrorAction(
  error: BffError,
  describe: (error: BffError) => ErrorDescription,
  form: { readonly current: HTMLFormElement | null },
): () => void {
  const { action } = describe(error)
  if (action === 'retry' || action === 'wait') return () => form.current?.requestSubmit()
  return () => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
}
