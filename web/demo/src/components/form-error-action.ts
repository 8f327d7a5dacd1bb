import type { ErrorAction } from '@mhkit/react'

/**
 * What a form's error button does, for `ErrorNotice`'s `onAction` (which passes the action the
 * button offers). A passing failure (try again, or wait and try again) sends the same details
 * again: the form is still filled in. Anything else (details the bank or the BFF refused, a
 * limit exceeded) would only be refused again, so "Start again" takes the person back to the
 * form's first field to change them.
 *
 * @param form - the form
 */
export function formErrorAction(form: {
  readonly current: HTMLFormElement | null
}): (action: ErrorAction) => void {
  return (action) => {
    if (action === 'retry' || action === 'wait') form.current?.requestSubmit()
    else form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }
}
