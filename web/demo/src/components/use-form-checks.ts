import { useEffect, useState } from 'react'
import type * as FormChecks from './form-checks'

type CheckForm = typeof FormChecks.checkForm

let loading: Promise<CheckForm> | undefined

function load(): Promise<CheckForm> {
  loading ??= import('./form-checks').then(
    (module) => module.checkForm,
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/**
 * The form checks, loaded when a form mounts so that pressing a submit button can check and
 * start a flow in the same click: a popup must open in the click itself, not after a download.
 *
 * @returns `check(name, body, words)`, which waits for the checks only if they are not loaded yet
 */
export function useFormChecks(): (
  ...args: Parameters<CheckForm>
) => Promise<FormChecks.FieldErrors> {
  const [checkForm, setCheckForm] = useState<{ readonly run: CheckForm } | undefined>(undefined)
  useEffect(() => {
    let live = true
    load().then(
      (run) => {
        if (live) setCheckForm({ run })
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return (name, body, words) =>
    checkForm === undefined
      ? load().then((run) => run(name, body, words))
      : Promise.resolve(checkForm.run(name, body, words))
}
