/**
 * Checks a From/To date filter before anything is sent: the BFF would refuse an inverted range,
 * and the person should hear about it at the field, in words that say what to change.
 *
 * @param startDate - `YYYY-MM-DD` or empty
 * @param endDate - `YYYY-MM-DD` or empty
 * @returns the problem to show at the From field, or `undefined` when the range is usable
 */
export function dateRangeProblem(
  startDate: string | undefined,
  endDate: string | undefined,
): string | undefined {
  if (startDate === undefined || endDate === undefined || startDate === '' || endDate === '') {
    return undefined
  }
  // ISO dates compare correctly as text.
  return startDate > endDate ? 'The From date must be on or before the To date.' : undefined
}
