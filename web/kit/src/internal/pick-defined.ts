/**
 * The named fields of `source` that are set, as a request body: flow hooks merge callbacks and
 * parameters in one object, and only the parameters may reach the BFF (its schemas are strict).
 */
export function pickDefined<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const body: Partial<Pick<T, K>> = {}
  for (const key of keys) if (source[key] !== undefined) body[key] = source[key]
  return body
}
