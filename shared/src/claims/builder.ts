/**
 * An immutable, typed builder for the `claims` request parameter, in the spirit of
 * `Claims.new() |> put_sub()` but producing Moneyhub's exact shapes (docs/moneyhub-protocol.md §4).
 *
 * @see https://docs.moneyhubenterprise.com/docs/claims
 */
import type {
  AccountVerificationClaimValue,
  CategoryTypeClaimValue,
  SyncClaimValue,
} from './ais-claims'
import type { ClaimEntry } from './claim-entry'
import { ClaimName } from './claim-name'
import { parseWithOptions, type ClaimsRequest } from './claims-request'
import { defaultOneTimeConsentExpiry, type ConsentClaimValue } from './consent'
import type { PaymentClaimValue } from './payment'
import type { RecurringPaymentClaimValue } from './recurring-payment'
import type { ReversePaymentClaimValue } from './reverse-payment'
import { assertRuleOptions, readClock, type ClaimRuleOptions } from './rule-options'
import type { StandingOrderClaimValue } from './standing-order'

/** Options of {@link ClaimsBuilder.consent}. */
export interface ConsentClaimOptions {
  /**
   * A one-time connection without a user id: when `expirationDateTime` is absent, the builder
   * sets it to 24 hours after the builder's clock (Moneyhub's own default, made explicit).
   */
  oneTime?: boolean
}

/**
 * Builds a claims request. Every method returns a new builder; the receiver never changes, so
 * a partly built value can be shared and extended safely. Setting a claim twice keeps the last.
 * Nothing is validated until {@link ClaimsBuilder.build}.
 */
export interface ClaimsBuilder {
  /** `sub`, essential; with a value for an existing user (§4.2), without for a new one. */
  sub: (userId?: string) => ClaimsBuilder
  /** `mh:con_id`, essential; with a value for reauth / refresh / reconsent (§4.5). */
  connectionId: (connectionId?: string) => ClaimsBuilder
  /** `mh:consent`, essential (§4.3). With `{ oneTime: true }` and no expiry, a 24 h expiry is set. */
  consent: (value?: ConsentClaimValue, options?: ConsentClaimOptions) => ClaimsBuilder
  /** `mh:payment`, essential (§4.6). */
  payment: (value: PaymentClaimValue) => ClaimsBuilder
  /**
   * `mh:reverse_payment`, essential (§4.7); also asks for `mh:payment` (no value) so the ID
   * token carries the refund's payment id, unless `mh:payment` is already present.
   */
  reversePayment: (value: ReversePaymentClaimValue) => ClaimsBuilder
  /** `mh:recurring_payment`, essential (§4.8). */
  recurringPayment: (value: RecurringPaymentClaimValue) => ClaimsBuilder
  /** `mh:standing_order`, essential (§4.9). */
  standingOrder: (value: StandingOrderClaimValue) => ClaimsBuilder
  /** `mh:cat_type`, essential (§4.4). */
  categoryType: (value: CategoryTypeClaimValue) => ClaimsBuilder
  /** `mh:sync`, essential (§4.4). */
  sync: (value: SyncClaimValue) => ClaimsBuilder
  /** `mh:account_verification` with `{ accVerification: true }`, essential (§4.4). */
  accountVerification: () => ClaimsBuilder
  /**
   * Any other claim (escape hatch), e.g. `mh:benefits_check`. The entry must be JSON data; a
   * known claim name set this way still goes through its own schema at build time.
   */
  put: (name: string, entry: ClaimEntry) => ClaimsBuilder
  /**
   * Validates and returns the claims request.
   *
   * @param options - overrides the options given to {@link claims} for this build.
   * @throws {ClaimsError} naming the offending field and rule.
   */
  build: (options?: ClaimRuleOptions) => ClaimsRequest
  /** `build()` with the builder's options, so `JSON.stringify(builder)` yields the request. */
  toJSON: () => ClaimsRequest
}

type Entries = Readonly<Record<string, Readonly<ClaimEntry>>>

/** Deep copy through JSON: detaches caller-owned objects and drops non-JSON values. */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

function createBuilder(entries: Entries, options: ClaimRuleOptions): ClaimsBuilder {
  const withEntry = (name: string, entry: ClaimEntry): ClaimsBuilder => {
    // Object.defineProperty keeps a hostile name such as "__proto__" an own property, so the
    // schema sees (and rejects) it instead of it silently changing the prototype.
    const next: Record<string, Readonly<ClaimEntry>> = { ...entries }
    Object.defineProperty(next, name, {
      value: deepFreeze(copyJson(entry)),
      enumerable: true,
      writable: false,
      configurable: false,
    })
    return createBuilder(Object.freeze(next), options)
  }

  const essential = (value?: unknown): ClaimEntry =>
    value === undefined ? { essential: true } : { essential: true, value }

  const builder: ClaimsBuilder = {
    sub: (userId) => withEntry(ClaimName.sub, essential(userId)),
    connectionId: (connectionId) => withEntry(ClaimName.connectionId, essential(connectionId)),
    consent: (value = {}, consentOptions = {}) => {
      const oneTime = consentOptions.oneTime ?? options.oneTime ?? false
      const filled =
        oneTime && value.expirationDateTime === undefined
          ? { ...value, expirationDateTime: defaultOneTimeConsentExpiry(readClock(options)) }
          : value
      return withEntry(ClaimName.consent, essential(filled))
    },
    payment: (value) => withEntry(ClaimName.payment, essential(value)),
    reversePayment: (value) => {
      const next = withEntry(ClaimName.reversePayment, essential(value))
      return ClaimName.payment in entries ? next : next.put(ClaimName.payment, essential())
    },
    recurringPayment: (value) => withEntry(ClaimName.recurringPayment, essential(value)),
    standingOrder: (value) => withEntry(ClaimName.standingOrder, essential(value)),
    categoryType: (value) => withEntry(ClaimName.categoryType, essential(value)),
    sync: (value) => withEntry(ClaimName.sync, essential(value)),
    accountVerification: () => {
      const value: AccountVerificationClaimValue = { accVerification: true }
      return withEntry(ClaimName.accountVerification, essential(value))
    },
    put: (name, entry) => withEntry(name, entry),
    build: (buildOptions) =>
      parseWithOptions({ id_token: entries }, { ...options, ...buildOptions }),
    toJSON: () => builder.build(),
  }
  return Object.freeze(builder)
}

/**
 * Starts an empty claims request.
 *
 * @param options - the clock (`now`) used for defaults and rules, provider history limits, and
 *   `oneTime` (apply the 24 h default to `consent()` without an expiry).
 * @returns an immutable {@link ClaimsBuilder}.
 * @throws {TypeError} when `options` is malformed (caller misuse).
 * @example
 * claims().sub().connectionId().build()
 * // { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }
 * @see protocol reference §4
 */
export function claims(options: ClaimRuleOptions = {}): ClaimsBuilder {
  assertRuleOptions(options)
  return createBuilder(Object.freeze({}), options)
}
