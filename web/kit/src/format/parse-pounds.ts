/**
 * Reads an amount typed in pounds (`25`, `12.50`, `£1,200.5`) as whole pence, the unit every
 * payment field of the BFF contract uses.
 *
 * @param text - what the person typed
 * @returns the amount in pence, or `undefined` when it is not an amount with at most two decimals
 */
export function parsePounds(text: string): number | undefined {
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '')
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (match === null) return undefined
  const [, pounds = '0', pence = ''] = match
  return Number(pounds) * 100 + Number(pence.padEnd(2, '0'))
}
