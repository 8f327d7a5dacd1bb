import { errors, type KoaContextWithOIDC } from 'oidc-provider'
import { ClaimsError, ClaimName, parseClaimsRequest, validateScopes } from '@mhkit/shared'

import { bankHistoryLimits, findBank, MOCK_BANK_ID } from '../banks'
import type { SimState } from '../state'
import { isRecord, parseClaimsParam, readIntent } from './authorization-intent'

/** Payment reference that makes the mock bank refuse a payment before any redirect. */
export const INVALID_REQUEST_REFERENCE = 'INVALID REQUEST'

/** Payment reference that makes the mock bank fail the payment at submission. */
export const INVALID_SUBMISSION_REFERENCE = 'INVALID SUBMISSION'

/**
 * Build the check oidc-provider runs on every PAR and authorisation request once its own
 * validation has passed (it is wired as an `extraParams` validator, which runs after the request
 * object is processed and the redirect URI is trusted, so failures redirect like Moneyhub's).
 *
 * Rules: scopes by the shared rules (`invalid_scope`); claims by the shared schemas
 * (`invalid_request`), with the named bank's history limit on `transactionFromDateTime`
 * (docs/moneyhub-protocol.md §4.3); a requested `sub` must be an existing user and a requested
 * `mh:con_id` one of that user's connections; payment-type claims need a signed request object; the
 * mock bank's `INVALID REQUEST` reference fails here.
 *
 * @param state - The simulator's users and connections.
 * @param now - The simulator clock.
 * @returns An async validator `(ctx) => void` that throws oidc-provider errors.
 * @see https://docs.moneyhubenterprise.com/docs/claims
 */
export function authorizationRules(state: SimState, now: () => Date) {
  return async function checkMoneyhubRules(ctx: KoaContextWithOIDC): Promise<void> {
    await Promise.resolve()
    const params = ctx.oidc.params ?? {}
    const intent = readIntent(params)
    const scopeCheck = validateScopes(intent.scopes)
    if (!scopeCheck.ok) throw new errors.InvalidScope(scopeCheck.message, intent.scopes.join(' '))

    if (
      intent.bankSelector !== undefined &&
      !['all', 'api', 'test', 'legacy'].includes(intent.bankSelector)
    ) {
      if (!findBank(intent.bankSelector)) {
        throw new errors.InvalidScope('unknown bank id in id: scope', `id:${intent.bankSelector}`)
      }
    }

    let claims: unknown
    try {
      claims = parseClaimsParam(params.claims)
    } catch {
      throw new errors.InvalidRequest('claims parameter is not valid JSON')
    }
    // A request naming one bank is held to that bank's history limit here, before the bank
    // pages; a bank picked in the chooser is checked when it is picked (interaction-routes).
    const namedBank = intent.bankSelector === undefined ? undefined : findBank(intent.bankSelector)
    if (claims !== undefined) {
      try {
        parseClaimsRequest(claims, {
          now,
          oneTime: intent.oneTime && !intent.requestedSub,
          ...(namedBank === undefined ? {} : bankHistoryLimits(namedBank)),
        })
      } catch (error) {
        if (error instanceof ClaimsError) {
          throw new errors.InvalidRequest(`invalid claims: ${error.message}`)
        }
        throw error
      }
    }

    if (intent.requestedSub !== undefined && !state.users.has(intent.requestedSub)) {
      throw new errors.InvalidRequest('sub does not name an existing user')
    }
    if (intent.requestedConnectionId !== undefined) {
      const connection = state.connections.get(intent.requestedConnectionId)
      if (!connection || connection.userId !== intent.requestedSub) {
        throw new errors.InvalidRequest('mh:con_id does not name a connection of this user')
      }
    }

    const needsSignature =
      intent.kind === 'payment' ||
      intent.kind === 'reverse_payment' ||
      intent.kind === 'recurring_payment' ||
      intent.kind === 'standing_order'
    if (needsSignature && ctx.oidc.client?.requireSignedRequestObject !== true) {
      throw new errors.InvalidRequest('payment requests need a signed request object')
    }

    if (intent.kind === 'payment' && intent.bankSelector === MOCK_BANK_ID) {
      const value = intent.claims[ClaimName.payment]?.value
      if (isRecord(value) && hasReference(value, INVALID_REQUEST_REFERENCE)) {
        throw new errors.InvalidRequest('the bank rejected the payment request')
      }
    }
  }
}

/**
 * Whether a payment claim value carries one of the mock bank's magic references.
 *
 * @param value - The `mh:payment` value.
 * @param reference - The reference to look for.
 * @returns True when `payeeRef` or `payerRef` equals it.
 */
export function hasReference(value: Record<string, unknown>, reference: string): boolean {
  return value.payeeRef === reference || value.payerRef === reference
}
