// What the VRP and standing-order forms say about a field the shared rules refused, worded for
// the person filling it in rather than as the schema's message.

/** Any amount field: pounds and pence within the Faster Payments ceiling. */
export const AMOUNT_WORDS = 'Enter an amount in pounds from £0.01 to £1,000,000, like 50 or 12.50.'

/** A payment reference (docs/moneyhub-protocol.md §4.6: 1–18 characters of a small set). */
export const REFERENCE_WORDS = 'Enter a reference of 1–18 letters, digits, spaces or - . / &.'
