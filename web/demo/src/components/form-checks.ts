import type { FieldIssue, PaymentChecks } from '@mhkit/react/checks'

/** Field errors by dotted path (`payee.sortCode`), the first problem of each field. */
export type FieldErrors = Readonly<Record<string, string>>

/** The kit's checks of the VRP and standing-order forms, by request body. */
export type CheckedForm = 'recurringPayment' | 'recurringPaymentPay' | 'standingOrder'

/**
 * Checks a body with the shared schema the BFF uses (through `@mhkit/react/checks`), worded for
 * people by `words`.
 *
 * @param checks - the loaded checks
 * @param name - which request body
 * @param body - the body as it would be sent
 * @param words - the demo's wording for a field path, or `undefined` to keep the schema's
 * @returns no entries when the body is valid
 */
export function checkForm(
  checks: PaymentChecks,
  name: CheckedForm,
  body: unknown,
  words: (path: string, message: string) => string | undefined,
): FieldErrors {
  // Each check takes its own body type; the forms build them from their fields, and a wrong
  // shape is exactly what the check reports.
  const run = checks[name] as (input: unknown) => FieldIssue[]
  const errors: Record<string, string> = {}
  for (const issue of run(body)) {
    errors[issue.path] ??= words(issue.path, issue.message) ?? issue.message
  }
  return errors
}
