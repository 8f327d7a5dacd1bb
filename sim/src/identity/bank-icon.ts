import { createHash } from 'node:crypto'

import type { SimBank } from '../banks'

// Fixed, readable colours (white text on each passes WCAG AA for large text).
const PALETTE = ['#0b3d5c', '#1f6f50', '#7a2e8c', '#9c3d12', '#24508f', '#5b5b12', '#8c1f3a']

/** Up to two initials of a bank's name, skipping words in brackets ("Old Town Savings (legacy)" → "OT"). */
export function bankInitials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((word) => /^[A-Za-z]/.test(word))
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
}

/**
 * The simulator's stand-in for a bank logo (Moneyhub serves one per bank at the `iconUrl` of
 * its bank lists, docs/moneyhub-protocol.md §9.8): a square SVG with the bank's initials on a
 * colour fixed by its `bankRef`, so each bank is recognisable at a glance and always the same.
 *
 * @param bank - a simulator bank
 * @returns an SVG document
 */
export function bankIconSvg(bank: SimBank): string {
  const index = createHash('sha256').update(bank.bankRef).digest()[0] ?? 0
  const colour = PALETTE[index % PALETTE.length] ?? PALETTE[0]
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img">',
    `<rect width="64" height="64" rx="14" fill="${colour}"/>`,
    '<text x="32" y="41" text-anchor="middle" font-family="system-ui, sans-serif" font-size="26" font-weight="700" fill="#fff">',
    bankInitials(bank.name),
    '</text></svg>',
  ].join('')
}
