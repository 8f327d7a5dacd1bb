/**
 * Whole pence from what a person typed in pounds (`12`, `12.5`, `£1,234.56`), or `NaN` when it
 * is not an amount in pounds and pence — which the shared amount rule then refuses, so the
 * form shows the same field error as for any other bad amount.
 *
 * @param text - the amount field's value
 */
export function poundsToPence(text: string): number {
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '')
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (match === null) return Number.NaN
  const pounds = Number(match[1])
  const pence = Number((match[2] ?? '').padEnd(2, '0'))
  return pounds * 100 + pence
}
