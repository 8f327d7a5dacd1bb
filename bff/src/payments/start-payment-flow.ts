import { ClaimsError, type ClaimsBuilder, type ConnectResponse, type FlowKind } from '@mhkit/shared'
import type { Context } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { generateCodeVerifier, generateNonce, generateState } from '../moneyhub'
import { readTxCookie, TX_TTL_MS, writeSessionCookie, writeTxCookie } from '../session/cookies'
import { hashId, randomId } from '../session/ids'
import type { Session } from '../session/sessions'
import type { Services } from '../services'
import type { PaymentIntent } from './payment-intents'

/** What one payment-kind redirect flow asks Moneyhub for. */
export interface PaymentFlowPlan {
  kind: Extract<FlowKind, 'payment' | 'reverse_payment' | 'recurring_payment' | 'standing_order'>
  scope: string
  claims: ClaimsBuilder
  /** The signed-in payer's Moneyhub user: asked as `sub` and checked in the ID token. */
  sub?: string
  intent: PaymentIntent
  returnTo: string
}

/**
 * The request's session, or a new anonymous one (no user) with its cookie: an anonymous payer
 * needs a session to see the payment afterwards, and the flow's outcome is bound to it.
 */
async function payerSession(c: Context<AppEnv>, s: Services): Promise<Session> {
  const existing = c.var.session
  if (existing !== undefined) return existing
  const session = await s.sessions.create({})
  c.set('session', session)
  writeSessionCookie(c, session.id)
  return session
}

/**
 * Starts a payment-kind flow through the same path as a connect (docs/architecture.md §2
 * step 2): the claims are validated, the PAR with the signed request object is sent at click
 * time, and the login transaction (state, nonce, sealed PKCE verifier, returnTo; 10 minutes)
 * keeps the authorised details (`intent`) server-side, so the browser cannot change them
 * after the PAR. Answers `{ flowId, url, expiresAt }`.
 *
 * @throws AppError `invalid_request` (claims rules), upstream codes from the PAR
 */
export async function startPaymentFlow(
  c: Context<AppEnv>,
  s: Services,
  plan: PaymentFlowPlan,
): Promise<ConnectResponse> {
  const now = new Date(s.clock.now())
  let claimsRequest
  try {
    claimsRequest = plan.claims.build({ now: () => now })
  } catch (error) {
    if (error instanceof ClaimsError) {
      throw new AppError('invalid_request', {
        issues: error.issues.slice(0, 20).map((i) => ({ path: i.field, message: i.message })),
      })
    }
    throw error
  }
  const session = await payerSession(c, s)
  const state = generateState()
  const nonce = generateNonce()
  const codeVerifier = generateCodeVerifier()
  const flowId = randomId(16)
  const browserId = readTxCookie(c) ?? randomId(32)
  const par = await s.moneyhub.pushedAuthorisationRequest({
    scope: plan.scope,
    claims: claimsRequest,
    state,
    nonce,
    codeVerifier,
  })
  const createdAt = s.clock.now()
  const sessionHash = hashId(session.id)
  await s.transactions.put(state, {
    flowId,
    kind: plan.kind,
    browserHash: hashId(browserId),
    nonce,
    codeVerifier: s.sessions.sealWith(`tx:${state}`, codeVerifier),
    returnTo: plan.returnTo,
    ...(plan.sub === undefined ? {} : { sub: plan.sub }),
    oneTime: false,
    sessionHash,
    payment: plan.intent,
    createdAt,
  })
  await s.flows.create(
    {
      flowId,
      kind: plan.kind,
      status: 'pending',
      returnTo: plan.returnTo,
      createdAt,
      txExpiresAt: createdAt + TX_TTL_MS,
      browserHash: hashId(browserId),
      sessionHash,
    },
    state,
  )
  await s.flows.rememberForBrowser(hashId(browserId), flowId, TX_TTL_MS)
  writeTxCookie(c, browserId)
  c.var.log.info(
    { event: 'security', reason: 'payment_start', kind: plan.kind, flowId },
    'payment start',
  )
  return {
    flowId,
    url: par.url,
    expiresAt: new Date(createdAt + par.expiresIn * 1000).toISOString(),
  }
}
