import { loadPaymentChecks, usePaymentChecks } from '@mhkit/react/checks'
import { checkForm, type FieldErrors } from './form-checks'

type Args = Parameters<typeof checkForm> extends [unknown, ...infer Rest] ? Rest : never

/**
 * The form checks, loaded when a form mounts so that pressing a submit button can check and
 * start a flow in the same click: a popup must open in the click itself, not after a download.
 *
 * @returns `check(name, body, words)`, which waits for the checks only if they are not loaded yet
 */
export function useFormChecks(): (...args: Args) => Promise<FieldErrors> {
  const checks = usePaymentChecks()
  return (...args) =>
    checks === undefined
      ? loadPaymentChecks().then((loaded) => checkForm(loaded, ...args))
      : Promise.resolve(checkForm(checks, ...args))
}
