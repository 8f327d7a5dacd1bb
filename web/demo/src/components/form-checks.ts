// The demo's forms reach the kit's checkRequest through this module, loaded with a dynamic
// import(): it brings zod and the shared schemas, which then stay off the initial JavaScript.
import { checkRequest, type CheckedRequestName } from '@mhkit/react'

/** Field errors by dotted path (`payee.sortCode`), the first problem of each field. */
export type FieldErrors = Readonly<Record<string, string>>

/**
 * Checks a body with the shared schema the BFF uses, worded for people by `words`.
 *
 * @param name - which request body
 * @param body - the body as it would be sent
 * @param words - the demo's wording for a field path, or `undefined` to keep the schema's
 * @returns no entries when the body is valid
 */
export function checkForm(
  name: CheckedRequestName,
  body: unknown,
  words: (path: string, message: string) => string | undefined,
): FieldErrors {
  const check = checkRequest(name, body)
  if (check.ok) return {}
  const errors: Record<string, string> = {}
  for (const issue of check.issues) {
    errors[issue.path] ??= words(issue.path, issue.message) ?? issue.message
  }
  return errors
}
