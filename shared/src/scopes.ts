/**
 * Moneyhub scope vocabulary: every scope string of the protocol reference §5, the combination
 * rules Moneyhub's identity service enforces, and one preset per flow.
 *
 * The strings are Moneyhub's own (`transactions:read:all`, `recurring_payment:create`,
 * `standing_orders:create`), not the community Elixir client's (docs/moneyhub-protocol.md §5.4,
 * §10.3).
 *
 * @see https://docs.moneyhubenterprise.com/docs/scopes
 * @module
 */
import { z } from 'zod'

/**
 * Scopes that only make sense in an authorisation request (PAR / request object),
 * docs/moneyhub-protocol.md §5.1. `id:*` scopes are built with {@link bankScope}.
 */
export const AuthScope = {
  openid: 'openid',
  offlineAccess: 'offline_access',
  reauth: 'reauth',
  refresh: 'refresh',
  reconsent: 'reconsent',
  payment: 'payment',
  reversePayment: 'reverse_payment',
  recurringPaymentCreate: 'recurring_payment:create',
  standingOrdersCreate: 'standing_orders:create',
} as const
/** One of the {@link AuthScope} strings. */
export type AuthScopeValue = (typeof AuthScope)[keyof typeof AuthScope]

/**
 * User-level data scopes, docs/moneyhub-protocol.md §5.2: used with client_credentials plus `sub`,
 * or in a one-time authorisation so the code-exchange token can read data directly.
 */
export const DataScope = {
  accountsRead: 'accounts:read',
  accountsDetailsRead: 'accounts_details:read',
  accountsWrite: 'accounts:write',
  accountsWriteAll: 'accounts:write:all',
  transactionsReadAll: 'transactions:read:all',
  transactionsReadIn: 'transactions:read:in',
  transactionsReadOut: 'transactions:read:out',
  transactionsWrite: 'transactions:write',
  transactionsWriteAll: 'transactions:write:all',
  transactionsUnenrichedReadAll: 'transactions_unenriched:read:all',
  categoriesRead: 'categories:read',
  categoriesWrite: 'categories:write',
  categorisation: 'categorisation',
  spendingAnalysisRead: 'spending_analysis:read',
  spendingGoalsRead: 'spending_goals:read',
  spendingGoalsWrite: 'spending_goals:write',
  spendingGoalsWriteAll: 'spending_goals:write:all',
  savingsGoalsRead: 'savings_goals:read',
  savingsGoalsWrite: 'savings_goals:write',
  savingsGoalsWriteAll: 'savings_goals:write:all',
  projectsRead: 'projects:read',
  projectsWrite: 'projects:write',
  projectsDelete: 'projects:delete',
  taxRead: 'tax:read',
  beneficiariesRead: 'beneficiaries:read',
  beneficiariesDetailRead: 'beneficiaries_detail:read',
  standingOrdersRead: 'standing_orders:read',
  standingOrdersDetailRead: 'standing_orders_detail:read',
  statementsBasicRead: 'statements_basic:read',
  statementsDetailRead: 'statements_detail:read',
  regularTransactionsRead: 'regular_transactions:read',
  regularTransactionsWrite: 'regular_transactions:write',
  rentalRecordsRead: 'rental_records:read',
  rentalRecordsWrite: 'rental_records:write',
  affordabilityRead: 'affordability:read',
  affordabilityWrite: 'affordability:write',
  osipRead: 'osip:read',
  standardFinancialStatementRead: 'standard_financial_statement:read',
} as const
/** One of the {@link DataScope} strings. */
export type DataScopeValue = (typeof DataScope)[keyof typeof DataScope]

/**
 * Client-level scopes, docs/moneyhub-protocol.md §5.3: client_credentials **without** `sub`.
 * `recurring_payment:create` is also an authorisation scope (VRP consent); here it is the
 * client-level permission to make and revoke VRP payments.
 */
export const ClientScope = {
  userCreate: 'user:create',
  userRead: 'user:read',
  userUpdate: 'user:update',
  userDelete: 'user:delete',
  connectionRead: 'connection:read',
  connectionUpdate: 'connection:update',
  connectionDelete: 'connection:delete',
  scimUserRead: 'scim_user:read',
  scimUserWrite: 'scim_user:write',
  payeeCreate: 'payee:create',
  payeeRead: 'payee:read',
  paymentRead: 'payment:read',
  payLinkCreate: 'pay_link:create',
  payLinkRead: 'pay_link:read',
  recurringPaymentRead: 'recurring_payment:read',
  recurringPaymentCreate: 'recurring_payment:create',
  recurringPaymentFundsConfirmation: 'recurring_payment:funds_confirmation',
  authRequestsRead: 'auth_requests:read',
  authRequestsWrite: 'auth_requests:write',
  consentHistoryRead: 'consent_history:read',
  resellerCreate: 'reseller:create',
  caasTransactionsRead: 'caas:transactions:read',
  caasTransactionsWrite: 'caas:transactions:write',
  caasTransactionsDelete: 'caas:transactions:delete',
  caasTransactionSplitsRead: 'caas:transaction_splits:read',
  caasTransactionSplitsWrite: 'caas:transaction_splits:write',
  caasTransactionSplitsDelete: 'caas:transaction_splits:delete',
  caasCategoriesRead: 'caas:categories:read',
  caasCategoriesWrite: 'caas:categories:write',
  caasCategoriesDelete: 'caas:categories:delete',
  caasEnhancedTransactionsRead: 'caas:enhanced_transactions:read',
  caasRegularTransactionsRead: 'caas:regular_transactions:read',
  caasUsersDelete: 'caas:users:delete',
} as const
/** One of the {@link ClientScope} strings. */
export type ClientScopeValue = (typeof ClientScope)[keyof typeof ClientScope]

/** The named bank sets that filter Moneyhub's bank chooser (docs/moneyhub-protocol.md §5.1). */
export const BankSet = { all: 'all', api: 'api', test: 'test', legacy: 'legacy' } as const
/** One of the {@link BankSet} names. */
export type BankSetName = (typeof BankSet)[keyof typeof BankSet]

/** An `id:*` scope: `id:<bankId>` or `id:all|api|test|legacy`. */
export type BankScope = `id:${string}`

/** A bank id (32 lowercase hex characters) or a bank-set name. */
export type BankSelector = BankSetName | (string & {})

/** The combination rules a scope set can break; the `rule` of a {@link ScopeError}. */
export type ScopeRule =
  | 'id_exclusive'
  | 'lifecycle_only_openid'
  | 'transactions_exclusive'
  | 'openid_required'
  | 'unknown_scope'
  | 'empty'

/** Outcome of {@link validateScopes}. */
export type ScopeValidation = { ok: true } | { ok: false; rule: ScopeRule; message: string }

/**
 * A scope set that Moneyhub would answer with `invalid_scope`, or a malformed bank id.
 * `rule` is stable; `message` names the offending scopes (scopes are not secrets).
 */
export class ScopeError extends Error {
  override readonly name = 'ScopeError'
  /** Which combination rule was broken. */
  readonly rule: ScopeRule

  constructor(rule: ScopeRule, message: string) {
    super(message)
    this.rule = rule
  }
}

/** Moneyhub bank ids are 32 lowercase hex characters, e.g. `1ffe704d39629a929c8e293880fb449a`. */
const BANK_ID_PATTERN = /^[0-9a-f]{32}$/
const BANK_SETS: ReadonlySet<string> = new Set(Object.values(BankSet))
const AUTH_SCOPES: ReadonlySet<string> = new Set(Object.values(AuthScope))
const DATA_SCOPES: ReadonlySet<string> = new Set(Object.values(DataScope))
const CLIENT_SCOPES: ReadonlySet<string> = new Set(Object.values(ClientScope))
const LIFECYCLE_SCOPES: ReadonlySet<string> = new Set([
  AuthScope.reauth,
  AuthScope.refresh,
  AuthScope.reconsent,
])
const TRANSACTION_READ_SCOPES: ReadonlySet<string> = new Set([
  DataScope.transactionsReadAll,
  DataScope.transactionsReadIn,
  DataScope.transactionsReadOut,
])
/**
 * Scopes that only appear in an authorisation request and therefore need `openid`.
 * `recurring_payment:create` is absent on purpose: it is also a client_credentials scope.
 */
const NEEDS_OPENID: ReadonlySet<string> = new Set([
  AuthScope.offlineAccess,
  AuthScope.reauth,
  AuthScope.refresh,
  AuthScope.reconsent,
  AuthScope.payment,
  AuthScope.reversePayment,
  AuthScope.standingOrdersCreate,
])
/** Longest scope string accepted by {@link scopeStringSchema}; generous, but bounded. */
const MAX_SCOPE_STRING_LENGTH = 2048

/** True for a well-formed bank id (32 lowercase hex characters). */
function isBankId(value: string): boolean {
  return BANK_ID_PATTERN.test(value)
}

/** True for `id:<bankId>` and `id:all|api|test|legacy`. */
function isBankScope(scope: string): scope is BankScope {
  if (!scope.startsWith('id:')) return false
  const selector = scope.slice(3)
  return BANK_SETS.has(selector) || isBankId(selector)
}

/**
 * Builds the `id:*` scope that sends the user straight to one bank, or shows the chooser
 * filtered to a bank set.
 *
 * @param bankIdOrSet - a Moneyhub bank id (32 lowercase hex characters) or `all`, `api`, `test`, `legacy`.
 * @returns `id:<bankIdOrSet>`.
 * @throws {ScopeError} rule `unknown_scope` when the argument is neither a bank id nor a set name.
 * @see protocol reference §5.1; https://docs.moneyhubenterprise.com/docs/bank-connections
 */
export function bankScope(bankIdOrSet: BankSelector): BankScope {
  if (!BANK_SETS.has(bankIdOrSet) && !isBankId(bankIdOrSet)) {
    throw new ScopeError(
      'unknown_scope',
      'bank must be a Moneyhub bank id (32 lowercase hex characters) or one of all, api, test, legacy',
    )
  }
  return `id:${bankIdOrSet}`
}

/**
 * Splits a space-delimited scope string (RFC 6749 §3.3) into its scopes, dropping empty
 * entries and duplicates while keeping first-seen order. It does not apply the rules.
 *
 * @param scopeString - e.g. `'openid id:api accounts:read'`.
 * @returns the scopes in order of first appearance.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function parseScopes(scopeString: string): string[] {
  return [...new Set(scopeString.split(/\s+/).filter((scope) => scope !== ''))]
}

/** True when the scope is known to Moneyhub (§5) or is a well-formed `id:*` scope. */
function isKnownScope(scope: string): boolean {
  return (
    AUTH_SCOPES.has(scope) ||
    DATA_SCOPES.has(scope) ||
    CLIENT_SCOPES.has(scope) ||
    isBankScope(scope)
  )
}

/**
 * Checks a scope set against Moneyhub's combination rules, in this order:
 * `empty` (no scope at all), `unknown_scope` (not in docs/moneyhub-protocol.md §5, e.g. the Elixir
 * client's `transactions:read`), `id_exclusive` (more than one `id:*`), `lifecycle_only_openid`
 * (`reauth`, `refresh` or `reconsent` next to anything but `openid`), `transactions_exclusive`
 * (more than one of `transactions:read:all|in|out`) and `openid_required` (an
 * authorisation-only scope such as `id:*`, `offline_access`, `payment`, `reverse_payment`,
 * `standing_orders:create` or a lifecycle scope without `openid`). Duplicates are allowed.
 *
 * @param scopes - individual scopes (use {@link parseScopes} for a string).
 * @returns `{ ok: true }` or the first broken rule with a message naming the scopes.
 * @see protocol reference §5 and §4.5
 */
export function validateScopes(scopes: readonly string[]): ScopeValidation {
  const unique = [...new Set(scopes)]
  if (unique.length === 0) return fail('empty', 'at least one scope is required')

  const unknown = unique.filter((scope) => !isKnownScope(scope))
  if (unknown.length > 0) {
    return fail('unknown_scope', `unknown scope: ${quoteList(unknown)}`)
  }

  const bankScopes = unique.filter((scope) => scope.startsWith('id:'))
  if (bankScopes.length > 1) {
    return fail('id_exclusive', `only one id:* scope is allowed, got ${quoteList(bankScopes)}`)
  }

  const lifecycle = unique.filter((scope) => LIFECYCLE_SCOPES.has(scope))
  if (lifecycle.length > 0) {
    const companions = unique.filter(
      (scope) => scope !== AuthScope.openid && scope !== lifecycle[0],
    )
    if (companions.length > 0) {
      return fail(
        'lifecycle_only_openid',
        `${quote(lifecycle[0] ?? '')} may only be combined with "openid", got ${quoteList(companions)}`,
      )
    }
  }

  const transactionReads = unique.filter((scope) => TRANSACTION_READ_SCOPES.has(scope))
  if (transactionReads.length > 1) {
    return fail(
      'transactions_exclusive',
      `transactions:read:all, :in and :out are mutually exclusive, got ${quoteList(transactionReads)}`,
    )
  }

  if (!unique.includes(AuthScope.openid)) {
    const needing = unique.filter((scope) => NEEDS_OPENID.has(scope) || scope.startsWith('id:'))
    if (needing.length > 0) {
      return fail('openid_required', `${quoteList(needing)} requires "openid"`)
    }
  }
  return { ok: true }
}

function fail(rule: ScopeRule, message: string): ScopeValidation {
  return { ok: false, rule, message }
}

/** Quotes a scope for a message: JSON-escaped (no control characters reach a log) and bounded. */
function quote(scope: string): string {
  return JSON.stringify(scope.length > 64 ? `${scope.slice(0, 64)}…` : scope)
}

/** Lists at most five quoted scopes, so a hostile scope string cannot flood a message. */
function quoteList(scopes: readonly string[]): string {
  const listed = scopes.slice(0, 5).map(quote).join(', ')
  return scopes.length > 5 ? `${listed} and ${String(scopes.length - 5)} more` : listed
}

/** An argument to {@link joinScopes}; falsy values are skipped so conditional scopes read well. */
export type ScopeInput = string | readonly string[] | false | null | undefined

/**
 * Joins scopes (or scope strings, or arrays of them) into one space-delimited string,
 * de-duplicated in first-seen order, after checking the combination rules.
 *
 * @param scopes - scopes or space-delimited scope strings; `false`/`null`/`undefined` are skipped.
 * @returns e.g. `'openid id:api accounts:read'`.
 * @throws {ScopeError} with the broken `rule` (see {@link validateScopes}).
 * @see protocol reference §5
 */
export function joinScopes(...scopes: readonly ScopeInput[]): string {
  const flat: string[] = []
  for (const input of scopes) {
    if (input === false || input === null || input === undefined) continue
    for (const part of typeof input === 'string' ? [input] : input) flat.push(...parseScopes(part))
  }
  const unique = [...new Set(flat)]
  const result = validateScopes(unique)
  if (!result.ok) throw new ScopeError(result.rule, result.message)
  return unique.join(' ')
}

/**
 * True for a user-level data scope (§5.2): a client_credentials request for it must carry `sub`.
 *
 * @param scope - one scope string.
 * @see protocol reference §6.3
 */
export function isUserDataScope(scope: string): scope is DataScopeValue {
  return DATA_SCOPES.has(scope)
}

/**
 * True for a client-level scope (§5.3): a client_credentials request for it must not carry `sub`.
 *
 * @param scope - one scope string.
 * @see protocol reference §6.3
 */
export function isClientScope(scope: string): scope is ClientScopeValue {
  return CLIENT_SCOPES.has(scope)
}

/** The data scopes AIS presets ask for unless told otherwise: accounts and all transactions. */
const DEFAULT_AIS_DATA_SCOPES: readonly DataScopeValue[] = [
  DataScope.accountsRead,
  DataScope.transactionsReadAll,
]

/**
 * One scope string per Moneyhub flow. Each preset throws {@link ScopeError} (`unknown_scope`)
 * for a malformed bank id, and applies the combination rules to any extra data scopes.
 *
 * @see protocol reference §4.2, §4.5–§4.9, §5.4
 */
export const scopePresets = {
  /**
   * AIS, new or anonymous user, ongoing access:
   * `openid offline_access id:<bank> accounts:read transactions:read:all`.
   * The code exchange returns a refresh token and an access token carrying the data scopes;
   * Moneyhub assigns the user id (`sub`). Pair with `claims().sub().connectionId()`.
   *
   * @param bank - bank id or bank set.
   * @param dataScopes - data scopes to request instead of accounts + all transactions (ask for the least you need).
   */
  aisOngoing: (
    bank: BankSelector,
    dataScopes: readonly DataScopeValue[] = DEFAULT_AIS_DATA_SCOPES,
  ): string => joinScopes(AuthScope.openid, AuthScope.offlineAccess, bankScope(bank), dataScopes),
  /**
   * AIS one-time access with no user id: `openid id:<bank> accounts:read transactions:read:all`
   * and no refresh token. The code-exchange access token reads the data once; the consent
   * defaults to 24 hours (see `defaultOneTimeConsentExpiry`).
   *
   * @param bank - bank id or bank set.
   * @param dataScopes - data scopes to request instead of accounts + all transactions.
   */
  aisOneTime: (
    bank: BankSelector,
    dataScopes: readonly DataScopeValue[] = DEFAULT_AIS_DATA_SCOPES,
  ): string => joinScopes(AuthScope.openid, bankScope(bank), dataScopes),
  /**
   * AIS for a user already registered with `POST /users`: `openid id:<bank>`. The user id goes
   * in `claims().sub(userId)`; data is then read with client_credentials plus the `sub` form
   * parameter, so the authorisation itself asks for no data scope (§4.2, §6.3).
   *
   * @param bank - bank id or bank set.
   */
  aisExistingUser: (bank: BankSelector): string => joinScopes(AuthScope.openid, bankScope(bank)),
  /**
   * Re-authenticate an existing connection (expired consent, changed credentials):
   * `openid reauth`. Claims carry `sub` and `mh:con_id` values (§4.5).
   */
  reauth: (): string => joinScopes(AuthScope.openid, AuthScope.reauth),
  /**
   * 90-day reconsent of an open-banking connection whose `tppConsent` is true:
   * `openid reconsent`. Claims carry `sub`, `mh:con_id` and an `mh:consent` expiry (§4.5).
   */
  reconsent: (): string => joinScopes(AuthScope.openid, AuthScope.reconsent),
  /**
   * Refresh a legacy or screen-scraping connection (not open banking): `openid refresh`.
   * Claims carry `sub` and `mh:con_id` values (§4.5).
   */
  refresh: (): string => joinScopes(AuthScope.openid, AuthScope.refresh),
  /**
   * Single immediate payment: `openid payment id:<bank>`, with an `mh:payment` claim. Needs a
   * signed request object and private_key_jwt (§4.6).
   *
   * @param bank - bank id or bank set the payer chooses from.
   */
  payment: (bank: BankSelector): string =>
    joinScopes(AuthScope.openid, AuthScope.payment, bankScope(bank)),
  /**
   * Refund of a reversible payment: `openid reverse_payment id:<bank>`, with an
   * `mh:reverse_payment` claim (§4.7).
   *
   * @param bank - bank id or bank set.
   */
  reversePayment: (bank: BankSelector): string =>
    joinScopes(AuthScope.openid, AuthScope.reversePayment, bankScope(bank)),
  /**
   * Variable recurring payment (VRP) consent: `openid recurring_payment:create id:<bank>`, with
   * an `mh:recurring_payment` claim (§4.8).
   *
   * @param bank - bank id or bank set.
   */
  recurringPayment: (bank: BankSelector): string =>
    joinScopes(AuthScope.openid, AuthScope.recurringPaymentCreate, bankScope(bank)),
  /**
   * Standing order creation: `openid standing_orders:create id:<bank>`, with an
   * `mh:standing_order` claim (§4.9).
   *
   * @param bank - bank id or bank set.
   */
  standingOrder: (bank: BankSelector): string =>
    joinScopes(AuthScope.openid, AuthScope.standingOrdersCreate, bankScope(bank)),
} as const

/**
 * zod schema of a space-delimited scope string that obeys {@link validateScopes}; a broken rule
 * becomes a custom issue whose `params.rule` is the {@link ScopeRule}.
 *
 * @see protocol reference §5
 */
export const scopeStringSchema = z
  .string()
  .max(MAX_SCOPE_STRING_LENGTH)
  .superRefine((value, ctx) => {
    const result = validateScopes(parseScopes(value))
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message, params: { rule: result.rule } })
    }
  })
