import {
  ClaimsError,
  claims,
  connectRequestSchema,
  scopePresets,
  type ConnectRequest,
  type ConnectResponse,
  type ClaimsBuilder,
  type ConsentClaimValue,
} from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import { checkHistoryLimit } from '../banks/history-limit'
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
  /** A one-time connect: its code-exchange tokens are kept as a grant of the session. */
  oneTime?: boolean
  /** The one-time connection whose grant the new one-time consent replaces (a reauth). */
  replacesConnectionId?: string
}

/**
 * Reconnecting a one-time connection the session holds as a grant. A one-time consent has a
 * fixed expiry, so Moneyhub offers no reconsent journey for it (`tppConsent` false,
 * docs/moneyhub-protocol.md §4.3), and a lifecycle flow (`openid reauth` / `refresh`, §4.5) returns
 * tokens without data scopes, so it could not renew what the session reads. A `reauth` is therefore
 * a NEW one-time connect to the same bank (`<bankId>` of the connection id); its callback replaces
 * the old grant. `reconsent` and `refresh` are refused.
 *
 * @throws AppError `invalid_request` (with an issue on `kind`) for `reconsent` and `refresh`
 */
function planOneTimeReconnect(body: ConnectRequest, connectionId: string, now: Date): Plan {
  if (body.kind !== 'reauth') {
    throw new AppError('invalid_request', {
      reason: 'one_time_reconnect_kind',
      issues: [
        {
          path: 'kind',
          message: `${body.kind} is not available for a one-time connection; use reauth`,
        },
      ],
    })
  }
  // The connection id matched `<32 hex bankId>:<uuid>` in the request schema.
  const bank = connectionId.slice(0, connectionId.indexOf(':'))
  return { ...planOneTime(bank, {}, now), replacesConnectionId: connectionId }
}

/**
 * A one-time connect: no user id is kept at Moneyhub (`sub` asked without a value); the
 * code-exchange tokens read the data.
 */
function planOneTime(bank: string, consent: ConsentClaimValue | undefined, now: Date): Plan {
  const builder = claims({ now: () => now })
    .sub()
    .connectionId()
    .consent(consent, { oneTime: true })
  return { scope: scopePresets.aisOneTime(bank), claims: builder, oneTime: true }
}

/**
 * The claims request of a plan.
 *
 * @throws AppError `invalid_request` with the builder's issues (e.g. a consent window too long)
 */
function buildClaims(builder: ClaimsBuilder, now: Date) {
  try {
    return builder.build({ now: () => now })
  } catch (error) {
    if (error instanceof ClaimsError) {
      throw new AppError('invalid_request', {
        issues: error.issues.slice(0, 20).map((i) => ({ path: i.field, message: i.message })),
      })
    }
    throw error
  }
}

async function plan(
  c: Context<AppEnv>,
  s: Services,
  body: ConnectRequest,
  now: Date,
  browserHash: string,
): Promise<Plan> {
  const bank = body.bankId ?? s.defaultBankSet
  if (body.kind === 'ais') {
    const known = await s.userBinding.get(c)
    const consent =
      body.consent === undefined && body.oneTime !== true ? undefined : { ...(body.consent ?? {}) }
    if (body.oneTime === true) return planOneTime(bank, consent, now)
    // A registered user connects a bank: `sub` carries its value (docs/moneyhub-protocol.md §4.2
    // use case 2); data is read later with tokenForUser(sub). A browser with no user yet gets
    // one registered first, shared by its tabs' concurrent first connects.
    const forUser = (sub?: string) => {
      const builder = claims({ now: () => now })
        .sub(sub)
        .connectionId()
      return consent === undefined ? builder : builder.consent(consent)
    }
    // The request is checked whole before a user is registered: bad input calls nobody.
    if (known === undefined) buildClaims(forUser(), now)
    const sub = known ?? (await s.firstConnectUsers.userFor(browserHash))
    return { scope: scopePresets.aisExistingUser(bank), claims: forUser(sub), sub }
  }

  // reauth / reconsent / refresh act on one of the signed-in user's connections.
  const sub = await requireUser(c, s.userBinding)
  const connectionId = body.connectionId
  if (connectionId === undefined) throw new AppError('invalid_request')
  const session = c.var.session
  // A one-time grant of this session (checked before the user's own list, as DELETE does).
  if (session?.data.oneTime.some((g) => g.connectionId === connectionId) === true) {
    return planOneTimeReconnect(body, connectionId, now)
  }
  // A user signed in by one-time connects alone holds nothing but their grants: no listing.
  if (session?.data.oneTimeOnly === true) throw new AppError('connection_not_found')
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
 * click time and answers `{ flowId, url, expiresAt }`. docs/architecture.md §2 step 2.
 *
 * `reauth` of a one-time connection the session holds starts a new one-time connect to the same
 * bank, whose callback replaces the old grant (see {@link planOneTimeReconnect}).
 *
 * Errors: `invalid_request` (body, consent window; `reconsent` or `refresh` of a one-time
 * connection), `transaction_from_too_early` (`consent.transactionFromDateTime` before 72 months
 * ago or the named bank's own limit, docs/moneyhub-protocol.md §4.3; before any PAR),
 * `unauthenticated` (reauth/reconsent/refresh without a user), `connection_not_found` (not a
 * connection of the session — for a one-time-only session, without any upstream call), upstream
 * codes from the PAR call.
 */
export function connectRoutes(s: Services) {
  return new Hono<AppEnv>().post(
    '/api/connect',
    validate('json', connectRequestSchema),
    async (c) => {
      const body = c.req.valid('json')
      const now = new Date(s.clock.now())
      const log = c.var.log
      if (body.kind === 'ais') {
        await checkHistoryLimit(s, {
          transactionFromDateTime: body.consent?.transactionFromDateTime,
          bankId: body.bankId,
          now,
        })
      }
      // One browser-binding handle per browser, reused by concurrent flows in other tabs.
      const browserId = readTxCookie(c) ?? randomId(32)
      const {
        scope,
        claims: builder,
        sub,
        connectionId,
        oneTime,
        replacesConnectionId,
      } = await plan(c, s, body, now, hashId(browserId))

      const claimsRequest = buildClaims(builder, now)

      const state = generateState()
      const nonce = generateNonce()
      const codeVerifier = generateCodeVerifier()
      const flowId = randomId(16)
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
        oneTime: oneTime === true,
        ...(replacesConnectionId === undefined ? {} : { replacesConnectionId }),
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
          browserHash: hashId(browserId),
          ...(session === undefined ? {} : { sessionHash: hashId(session.id) }),
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
