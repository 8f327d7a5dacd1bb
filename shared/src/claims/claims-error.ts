/**
 * The rule a claim value broke; the `rule` of a {@link ClaimsError}. A closed list:
 * - `required` — a field is missing (or neither of two alternatives is present);
 * - `type` — wrong JSON type; `format` — malformed string (date, email, account number);
 * - `enum` — not one of the allowed values; `unknown_key` — a field Moneyhub does not define;
 * - `too_long`, `too_short`, `too_large`, `too_small` — bounds; `integer`, `positive` — amounts;
 * - `charset` — a payment reference with characters outside the allowed set;
 * - `exclusive` — two fields (or claims) that must not appear together;
 * - `conflict` — a value that contradicts another field (e.g. `payer` with `payerType: mh-user-account`);
 * - `order` — dates in the wrong order; `duplicate` — a repeated list entry;
 * - `not_future`, `in_future`, `too_far_ahead`, `too_early` — date windows relative to now.
 */
export type ClaimRule =
  | 'required'
  | 'type'
  | 'format'
  | 'enum'
  | 'unknown_key'
  | 'too_long'
  | 'too_short'
  | 'too_large'
  | 'too_small'
  | 'integer'
  | 'positive'
  | 'charset'
  | 'exclusive'
  | 'conflict'
  | 'order'
  | 'duplicate'
  | 'not_future'
  | 'in_future'
  | 'too_far_ahead'
  | 'too_early'

/** One broken rule: the field (e.g. `mh:payment.payeeRef`), the rule, and a readable message. */
export interface ClaimIssue {
  readonly field: string
  readonly rule: ClaimRule
  readonly message: string
}

/**
 * A claims request that Moneyhub would refuse, found before it leaves the BFF (or when the
 * simulator receives it). `field` and `rule` are those of the first issue; `issues` lists all.
 * Messages name fields and rules, never echo the offending values.
 */
export class ClaimsError extends Error {
  override readonly name = 'ClaimsError'
  /** Dotted path of the first offending field, claim name first: `mh:payment.payeeRef`. */
  readonly field: string
  /** The rule the first offending field broke. */
  readonly rule: ClaimRule
  /** Every issue found, in schema order. */
  readonly issues: readonly ClaimIssue[]

  constructor(issues: readonly [ClaimIssue, ...ClaimIssue[]]) {
    const [first] = issues
    const more = issues.length > 1 ? ` (and ${String(issues.length - 1)} more)` : ''
    super(`${first.field}: ${first.message} [${first.rule}]${more}`)
    this.field = first.field
    this.rule = first.rule
    this.issues = issues
  }
}
