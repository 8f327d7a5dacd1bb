/** Field schemas and cross-field checks shared by the payment-like claims. Internal. */
import { z } from 'zod'
import { parseCalendarDate } from './dates'
import { addRuleIssue } from './issues'

/**
 * An amount in pence (minor units): a positive safe integer. Custom issues give the rules
 * `integer` and `positive` rather than zod's generic number bounds.
 */
export const penceSchema = z.number().superRefine((value, ctx) => {
  if (!Number.isSafeInteger(value)) {
    addRuleIssue(ctx, [], 'integer', 'must be a whole number of pence')
  } else if (value <= 0) {
    addRuleIssue(ctx, [], 'positive', 'must be more than zero pence')
  }
})

/**
 * Payment references: 1–18 characters of letters, digits, space, hyphen, full stop, slash and
 * ampersand, with at least one letter or digit. Space is allowed because the Open Banking Mock
 * reacts to references such as `INVALID REQUEST` (docs/moneyhub-protocol.md §4.6); the punctuation
 * is the subset every UK scheme (Faster Payments, Bacs) carries unchanged.
 */
const MAX_REFERENCE_LENGTH = 18
const REFERENCE_CHARS = /^[A-Za-z0-9 ./&-]*$/
const HAS_ALPHANUMERIC = /[A-Za-z0-9]/

/** Schema of a payment reference (`payeeRef`, `payerRef`, `reference`). */
export const referenceSchema = z.string().superRefine((value, ctx) => {
  if (value.length === 0) {
    addRuleIssue(ctx, [], 'too_short', 'must not be empty')
  } else if (value.length > MAX_REFERENCE_LENGTH) {
    addRuleIssue(ctx, [], 'too_long', `must be at most ${String(MAX_REFERENCE_LENGTH)} characters`)
  }
  if (!REFERENCE_CHARS.test(value)) {
    addRuleIssue(
      ctx,
      [],
      'charset',
      'may only contain letters, digits, space and the characters - . / &',
    )
  } else if (value.length > 0 && !HAS_ALPHANUMERIC.test(value)) {
    addRuleIssue(ctx, [], 'charset', 'must contain at least one letter or digit')
  }
})

/** An opaque identifier (payee id, payment id, …): 1–128 visible ASCII characters. */
export const identifierSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, { error: 'must be visible ASCII characters without spaces' })

/** Free text such as an account holder name: 1–140 characters, no control characters. */
// eslint-disable-next-line no-control-regex -- the point is to reject control characters
const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f]+$/
const nameSchema = z.string().min(1).max(140).regex(NO_CONTROL_CHARS, {
  error: 'must not contain control characters',
})

/** A UK account given inline as `payee` or `payer`: 8-digit account number, 6-digit sort code. */
export const accountSchema = z.strictObject({
  accountNumber: z.string().regex(/^\d{8}$/, { error: 'must be 8 digits' }),
  sortCode: z.string().regex(/^\d{6}$/, { error: 'must be 6 digits' }),
  name: nameSchema,
})

/** Who the payee is: an API payee (`POST /payees`, the default) or a Moneyhub user account. */
export const payeeTypeSchema = z.enum(['api-payee', 'mh-user-account'])
/** Who the payer is: an API payer or a Moneyhub user account. */
export const payerTypeSchema = z.enum(['api-payer', 'mh-user-account'])
/** The payment context code; Moneyhub's default is `PartyToParty`. */
export const paymentContextSchema = z.enum(['Other', 'BillPayment', 'PartyToParty'])
/** Only sterling is supported by Moneyhub's payment claims. */
export const currencySchema = z.literal('GBP')

interface PayeeFields {
  payeeId?: string | undefined
  payee?: unknown
}
interface PayerFields {
  payerId?: string | undefined
  payer?: unknown
  payerType?: 'api-payer' | 'mh-user-account' | undefined
}

/** Exactly one of `payeeId` and `payee` (docs/moneyhub-protocol.md §4.6, §4.8, §4.9). */
export function checkPayee(value: PayeeFields, ctx: z.RefinementCtx): void {
  const hasId = value.payeeId !== undefined
  const hasInline = value.payee !== undefined
  if (hasId && hasInline) {
    addRuleIssue(ctx, ['payee'], 'exclusive', 'give payeeId or payee, not both')
  } else if (!hasId && !hasInline) {
    addRuleIssue(ctx, ['payeeId'], 'required', 'one of payeeId or payee is required')
  }
}

/**
 * Payer rules (docs/moneyhub-protocol.md §4.6): at most one of `payerId` and `payer`; either needs
 * `payerType`; an inline `payer` account can only be an `api-payer`.
 */
export function checkPayer(value: PayerFields, ctx: z.RefinementCtx): void {
  const hasId = value.payerId !== undefined
  const hasInline = value.payer !== undefined
  if (hasId && hasInline) {
    addRuleIssue(ctx, ['payer'], 'exclusive', 'give payerId or payer, not both')
  }
  if ((hasId || hasInline) && value.payerType === undefined) {
    addRuleIssue(ctx, ['payerType'], 'required', 'is required when payerId or payer is given')
  }
  if (hasInline && value.payerType !== undefined && value.payerType !== 'api-payer') {
    addRuleIssue(ctx, ['payerType'], 'conflict', 'must be "api-payer" when payer is given')
  }
}

/**
 * A mandate date: `2025-01-01`, `15-MAR-2021` or an ISO date-time (docs/moneyhub-protocol.md §4.8).
 */
export const calendarDateSchema = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    if (parseCalendarDate(value) === undefined) {
      addRuleIssue(ctx, [], 'format', 'must be a date such as 2025-01-31 or 31-JAN-2025')
    }
  })
