import { AuthScope, ClaimName, isUserDataScope, parseScopes } from '@mhkit/shared'

/** What an authorisation request asks the user to consent to. */
type IntentKind =
  | 'ais'
  | 'payment'
  | 'reverse_payment'
  | 'standing_order'
  | 'recurring_payment'
  | 'reauth'
  | 'refresh'
  | 'reconsent'

/** One `id_token` claim request entry, as sent. */
interface ClaimEntry {
  essential?: boolean
  value?: unknown
}

/** An authorisation request read into the terms the simulator acts on. */
export interface AuthorizationIntent {
  kind: IntentKind
  scopes: string[]
  /** The part after `id:` (a bank id or a bank set), when present. */
  bankSelector: string | undefined
  /** The `id_token` member of the claims parameter (empty when none was sent). */
  claims: Record<string, ClaimEntry>
  /** `sub.value`: the existing Moneyhub user the request is for. */
  requestedSub: string | undefined
  /** `mh:con_id.value`: the existing connection (reauth, refresh, reconsent). */
  requestedConnectionId: string | undefined
  /**
   * One-time access: data scopes in the request (the code-exchange token reads the data) and no
   * `offline_access`. A request for a refresh token asks for ongoing access, so its consent
   * defaults to 90 days rather than the one-time 24 hours (an assumption; see the README).
   */
  oneTime: boolean
}

/**
 * Parse the claims parameter as oidc-provider holds it (a JSON string, or an object from a
 * request object).
 *
 * @param raw - `params.claims`.
 * @returns The parsed object, `undefined` when absent. Throws `SyntaxError` on bad JSON.
 */
export function parseClaimsParam(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined
  return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw
}

/**
 * Read scope and claims parameters into an {@link AuthorizationIntent}. Validation is done
 * elsewhere with the shared rules; this only classifies.
 *
 * @param params - Authorisation parameters (`scope`, `claims`).
 * @returns The intent.
 */
export function readIntent(params: { scope?: unknown; claims?: unknown }): AuthorizationIntent {
  const scopes = typeof params.scope === 'string' ? parseScopes(params.scope) : []
  const parsed = parseClaimsParam(params.claims)
  const idToken = isRecord(parsed) && isRecord(parsed.id_token) ? parsed.id_token : {}
  const claims: Record<string, ClaimEntry> = {}
  for (const [name, entry] of Object.entries(idToken)) {
    claims[name] = isRecord(entry) ? entry : {}
  }
  const bankScope = scopes.find((scope) => scope.startsWith('id:'))
  const sub = claims[ClaimName.sub]?.value
  const connectionId = claims[ClaimName.connectionId]?.value
  return {
    kind: kindOf(scopes, claims),
    scopes,
    bankSelector: bankScope?.slice(3),
    claims,
    requestedSub: typeof sub === 'string' ? sub : undefined,
    requestedConnectionId: typeof connectionId === 'string' ? connectionId : undefined,
    oneTime:
      scopes.some((scope) => isUserDataScope(scope)) && !scopes.includes(AuthScope.offlineAccess),
  }
}

function kindOf(scopes: string[], claims: Record<string, ClaimEntry>): IntentKind {
  if (scopes.includes('reauth')) return 'reauth'
  if (scopes.includes('refresh')) return 'refresh'
  if (scopes.includes('reconsent')) return 'reconsent'
  if (claims[ClaimName.reversePayment]) return 'reverse_payment'
  if (claims[ClaimName.payment]?.value !== undefined) return 'payment'
  if (claims[ClaimName.standingOrder]) return 'standing_order'
  if (claims[ClaimName.recurringPayment]) return 'recurring_payment'
  return 'ais'
}

/**
 * Narrow an unknown value to a plain object.
 *
 * @param value - Anything.
 * @returns Whether it is a non-null, non-array object.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
