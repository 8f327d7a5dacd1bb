/**
 * Today's calendar date in UTC (`YYYY-MM-DD`), shifted by `days`: the BFF and the bank compare
 * validity windows and payment dates in UTC, so the forms' defaults do too.
 */
export function utcDate(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}
