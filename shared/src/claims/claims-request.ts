/**
 * A whole `claims` request parameter, `{ id_token: { … } }` (docs/moneyhub-protocol.md §4), as one
 * zod schema: the BFF validates before signing a request object, the simulator when receiving one.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ClaimsParameter
 */
import { z } from 'zod'
import {
  accountVerificationClaimValueSchema,
  categoryTypeClaimValueSchema,
  connectionIdClaimValueSchema,
  subClaimValueSchema,
  syncClaimValueSchema,
} from './ais-claims'
import { genericClaimEntrySchema, optionalValueEntry, requiredValueEntry } from './claim-entry'
import { ClaimName } from './claim-name'
import { ClaimsError, type ClaimIssue } from './claims-error'
import { consentClaimValueSchema } from './consent'
import { addRuleIssue, toClaimIssue } from './internal/issues'
import { paymentClaimValueSchema } from './payment'
import { recurringPaymentClaimValueSchema } from './recurring-payment'
import { reversePaymentClaimValueSchema } from './reverse-payment'
import { assertRuleOptions, type ClaimRuleOptions } from './rule-options'
import { standingOrderClaimValueSchema } from './standing-order'

/** At most this many claims in one request; far above any real flow, but bounded. */
export const MAX_CLAIMS = 32
/** Names of claims outside {@link ClaimName}: printable, short, and never a prototype key. */
const CLAIM_NAME_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** The claims that state what the authorisation is for; one request carries at most one. */
const INTENT_CLAIMS = [
  ClaimName.payment,
  ClaimName.reversePayment,
  ClaimName.recurringPayment,
  ClaimName.standingOrder,
] as const

function idTokenShape(options: ClaimRuleOptions) {
  return {
    [ClaimName.sub]: optionalValueEntry(subClaimValueSchema).optional(),
    [ClaimName.connectionId]: optionalValueEntry(connectionIdClaimValueSchema).optional(),
    [ClaimName.consent]: requiredValueEntry(consentClaimValueSchema(options)).optional(),
    // `mh:payment` without a value is how a reverse payment asks for the refund's payment id.
    [ClaimName.payment]: optionalValueEntry(paymentClaimValueSchema).optional(),
    [ClaimName.reversePayment]: requiredValueEntry(reversePaymentClaimValueSchema).optional(),
    [ClaimName.recurringPayment]: requiredValueEntry(recurringPaymentClaimValueSchema).optional(),
    [ClaimName.standingOrder]: requiredValueEntry(standingOrderClaimValueSchema).optional(),
    [ClaimName.categoryType]: requiredValueEntry(categoryTypeClaimValueSchema).optional(),
    [ClaimName.sync]: requiredValueEntry(syncClaimValueSchema).optional(),
    [ClaimName.accountVerification]: requiredValueEntry(
      accountVerificationClaimValueSchema,
    ).optional(),
  }
}

/**
 * zod schema of a whole claims request. Known Moneyhub claims are checked by their value
 * schemas; other claim names (the escape hatch) need a plain name and an entry of
 * `{ essential?, value?, values? }`. Whole-request rules: `id_token` must hold at least one
 * claim (`required`) and at most {@link MAX_CLAIMS} (`too_long`); only one intent claim
 * (`mh:payment` with a value, `mh:reverse_payment`, `mh:recurring_payment`,
 * `mh:standing_order`) per request (`exclusive`). `userinfo` claims are refused (`unknown_key`):
 * Moneyhub puts every claim in the ID token.
 *
 * Issues carry `params.rule`; use {@link parseClaimsRequest} to get a {@link ClaimsError}.
 *
 * @param options - the clock and provider limits used by the `mh:consent` rules.
 * @see protocol reference §4
 */
export function claimsRequestSchema(options: ClaimRuleOptions = {}) {
  const idToken = z
    .object(idTokenShape(options))
    .catchall(genericClaimEntrySchema)
    .superRefine((claims, ctx) => {
      const intents = INTENT_CLAIMS.filter((name) =>
        name === ClaimName.payment ? claims[name]?.value !== undefined : claims[name] !== undefined,
      )
      for (const name of intents.slice(1)) {
        addRuleIssue(
          ctx,
          [name],
          'exclusive',
          `cannot be requested together with ${intents[0] ?? ''}`,
        )
      }
    })
  // Names are checked on the raw input: zod's object output silently drops a JSON "__proto__"
  // key, and a refused name should be reported, not lost.
  const namesChecked = z
    .unknown()
    .superRefine((raw, ctx) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return
      const names = Object.keys(raw)
      if (names.length === 0) {
        addRuleIssue(ctx, [], 'required', 'must request at least one claim')
      }
      if (names.length > MAX_CLAIMS) {
        addRuleIssue(ctx, [], 'too_long', `must request at most ${String(MAX_CLAIMS)} claims`)
      }
      for (const name of names) {
        if (!CLAIM_NAME_PATTERN.test(name) || FORBIDDEN_NAMES.has(name)) {
          addRuleIssue(ctx, [name], 'format', 'is not an acceptable claim name')
        }
      }
    })
    .pipe(idToken)
  return z.strictObject({ id_token: namesChecked })
}

/** A validated claims request: `{ id_token: { sub?, 'mh:con_id'?, 'mh:payment'?, … } }`. */
export type ClaimsRequest = z.output<ReturnType<typeof claimsRequestSchema>>

/**
 * Validates a claims request (an object, e.g. a parsed request object's `claims`, or the
 * JSON-decoded PAR `claims` field) and returns it typed.
 *
 * @param input - the candidate claims request.
 * @param options - clock and provider limits for the `mh:consent` rules.
 * @returns the parsed request (a fresh object; input is not modified).
 * @throws {ClaimsError} naming the first offending field (e.g. `mh:payment.payeeRef`) and its
 *   rule; `issues` lists every problem found.
 * @throws {TypeError} when `options` is malformed (caller misuse, not bad input).
 * @see protocol reference §4
 */
export function parseClaimsRequest(input: unknown, options: ClaimRuleOptions = {}): ClaimsRequest {
  return parseWithOptions(input, options)
}

type RequestSchema = ReturnType<typeof claimsRequestSchema>

/**
 * The options of the parse in progress. zod refinements run synchronously inside `safeParse`,
 * so one shared schema can read per-call options from here instead of a schema being built
 * per call (building one costs ~60 times the parse, and the BFF passes a fresh clock each time).
 */
let activeOptions: ClaimRuleOptions = {}
const optionsOfActiveParse: ClaimRuleOptions = {
  get now() {
    return activeOptions.now
  },
  get monthsInitialConsent() {
    return activeOptions.monthsInitialConsent
  },
  get daysInitialConsent() {
    return activeOptions.daysInitialConsent
  },
  get oneTime() {
    return activeOptions.oneTime
  },
}
let sharedSchema: RequestSchema | undefined

/** Parses with one shared schema under `options`; used by {@link parseClaimsRequest} and the builder. */
export function parseWithOptions(input: unknown, options: ClaimRuleOptions): ClaimsRequest {
  assertRuleOptions(options)
  sharedSchema ??= claimsRequestSchema(optionsOfActiveParse)
  const previous = activeOptions
  activeOptions = options
  try {
    return parseWith(sharedSchema, input)
  } finally {
    activeOptions = previous
  }
}

/** Parses with a claims request schema and turns failures into a {@link ClaimsError}. */
function parseWith(schema: ReturnType<typeof claimsRequestSchema>, input: unknown): ClaimsRequest {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  const issues: ClaimIssue[] = result.error.issues.map(toClaimIssue)
  const [first, ...rest] = issues
  // zod never reports failure without an issue; this keeps the types honest.
  if (first === undefined) throw new TypeError('claims request failed validation without issues')
  throw new ClaimsError([first, ...rest])
}
