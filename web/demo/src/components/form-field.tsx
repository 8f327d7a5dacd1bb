import type { InputHTMLAttributes, ReactNode, Ref } from 'react'

/** Props of {@link FormField}: an input's attributes plus its label, hint and error. */
export interface FormFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  readonly id: string
  readonly label: string
  readonly hint?: ReactNode
  readonly error?: string | undefined
  readonly ref?: Ref<HTMLInputElement>
}

/**
 * A labelled input whose hint and error are tied to it (`aria-describedby`), marked
 * `aria-invalid` while the error shows, so a screen reader reads the problem with the field.
 */
export function FormField({ id, label, hint, error, ...input }: FormFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`
  const errorId = error === undefined ? undefined : `${id}-error`
  const describedBy = [hintId, errorId].filter((part) => part !== undefined).join(' ')
  return (
    <div className="demo-field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <span id={hintId} className="demo-field-hint">
          {hint}
        </span>
      )}
      <input
        {...input}
        id={id}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
      {error === undefined ? null : (
        <span id={errorId} className="demo-field-error">
          {error}
        </span>
      )}
    </div>
  )
}
