import {
  ClaimsError,
  claims,
  connectRequestSchema,
  scopePresets,
  type ConnectRequest,
  type ConnectResponse,
  type ClaimsBuilder,
} from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { validate } from '../internal/validate'
import { generateCodeVerifier, generateNonce, generateState } from '../moneyhub'
import { readTxCookie, TX_TTL_MS, writeTxCookie } from '../session/cookies'
import { hashId, randomId } from '../session/ids'
import type { Services } from '../services'
import { requireUser } from '../user-binding'

interface Plan {
  scope: string
  claims: ClaimsBuilder
  sub?: string
  connectionId?: string
}

async function plan(
  c: Context<AppEnv>,
  s: Services,
  body: ConnectRequest,
  now: Date,
): Promise<Plan> {
  const bank = body.bankId ?? s.defaultBankSet
  if (body.kind === 'ais') {
    const known = await s.userBinding.get(c)
    const consent =
      body.consent === undefined && body.oneTime !== true ? undefined : { ...(body.consent ?? {}) }
    if (body.oneTime === true) {
      // One-time access: no user id is kept at Moneyhub; the code-exchange tokens read the data.
      let builder = claims({ now: () => now })
        .sub()
        .connectionId()
      builder = builder.consent(consent, { oneTime: true })
      return { scope: scopePresets.aisOneTime(bank), claims: builder }
    }
    if (known !== undefined) {
      // A known user connects another bank: `sub` carries its value (protocol §4.2 case 2).
      let builder = claims({ now: () => now })
        .sub(known)
        .connectionId()
      if (consent !== undefined) builder = builder.consent(consent)
      return { scope: scopePresets.aisExistingUser(bank), claims: builder, sub: known }
    }
    // A new user: Moneyhub assigns `sub`; data is read later with tokenForUser(sub).
    let builder = claims({ now: () => now })
      .sub()
      .connectionId()
    if (consent !== undefined) builder = builder.consent(consent)
    return { scope: scopePresets.aisOngoing(bank), claims: builder }
  }

  // reauth / reconsent / refresh act on one of the signed-in user's connections.
  const sub = await requireUser(c, s.userBinding)
  const connectionId = body.connectionId
  if (connectionId === undefined) throw new AppError('invalid_request')
  const connections = await s.moneyhub.listConnections(sub)
  if (!connections.some((conn) => conn.id === connectionId)) {
    throw new AppError('connection_not_found')
  }
  const base = claims({ now: () => now })
    .sub(sub)
    .connectionId(connectionId)
  if (body.kind === 'reauth')
    return { scope: scopePresets.reauth(), claims: base, sub, connectionId }
  if (body.kind === 'refresh')
    return { scope: scopePresets.refresh(), claims: base, sub, connectionId }
  const expiry = body.consent?.expirationDateTime
  return {
    scope: scopePresets.reconsent(),
    claims: expiry === undefined ? base : base.consent({ expirationDateTime: expiry }),
    sub,
    connectionId,
  }
}

/**
 * `POST /api/connect`: starts a connect flow. Creates the login transaction (state, nonce,
 * PKCE verifier, flow kind, returnTo; 10 minutes), sends the Pushed Authorisation Request at
 * click time and answers `{ flowId, url, expiresAt }`. ARCHITECTURE.md "The flows" step 2.
 *
 * Errors: `invalid_request` (body, consent window), `unauthenticated` (reauth/reconsent/refresh
 * without a user), `connection_not_found`, upstream codes from the PAR call.
 */
export function connectRoutes(s: Services) {
  return new Hono<AppEnv>().post(
    '/api/connect',
    validate('json', connectRequestSchema),
    async (c) => {
      const body = c.req.valid('json')
      const now = new Date(s.clock.now())
      const log = c.var.log
      const { scope, claims: builder, sub, connectionId } = await plan(c, s, body, now)

      let claimsRequest
      try {
        claimsRequest = builder.build({ now: () => now })
      } catch (error) {
        if (error instanceof ClaimsError) {
          throw new AppError('invalid_request', {
            issues: error.issues.slice(0, 20).map((i) => ({ path: i.field, message: i.message })),
          })
        }
        throw error
      }

      const state = generateState()
      const nonce = generateNonce()
      const codeVerifier = generateCodeVerifier()
      const flowId = randomId(16)
      // One browser-binding handle per browser, reused by concurrent flows in other tabs.
      const browserId = readTxCookie(c) ?? randomId(32)
      const session = c.var.session
      const par = await s.moneyhub.pushedAuthorisationRequest({
        scope,
        claims: claimsRequest,
        state,
        nonce,
        codeVerifier,
      })
      const createdAt = s.clock.now()
      await s.transactions.put(state, {
        flowId,
        kind: body.kind,
        browserHash: hashId(browserId),
        nonce,
        codeVerifier: s.sessions.sealWith(`tx:${state}`, codeVerifier),
        returnTo: body.returnTo,
        ...(sub === undefined ? {} : { sub }),
        ...(connectionId === undefined ? {} : { connectionId }),
        oneTime: body.oneTime === true,
        ...(session === undefined ? {} : { sessionHash: hashId(session.id) }),
        createdAt,
      })
      await s.flows.create(
        {
          flowId,
          kind: body.kind,
          status: 'pending',
          returnTo: body.returnTo,
          createdAt,
          txExpiresAt: createdAt + TX_TTL_MS,
        },
        state,
      )
      await s.flows.rememberForBrowser(hashId(browserId), flowId, TX_TTL_MS)
      writeTxCookie(c, browserId)
      log.info({ event: 'security', reason: 'login_start', kind: body.kind, flowId }, 'login start')
      const response: ConnectResponse = {
        flowId,
        url: par.url,
        expiresAt: new Date(createdAt + par.expiresIn * 1000).toISOString(),
      }
      return c.json(response, 200)
    },
  )
}
