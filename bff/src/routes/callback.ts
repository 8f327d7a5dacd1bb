import { FLOW_PARAM, returnToWithParam, type ErrorCode, type FlowResult } from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import type { AppEnv } from '../context'
import { AppError, toAppError } from '../errors'
import { CALLBACK_PATH } from '../flows/callback-landing'
import { exchangeLoginCode } from '../flows/exchange-login-code'
import { ownsFlow } from '../flows/flow-owner'
import type { FlowRecord } from '../flows/flow-records'
import type { LoginTransaction } from '../flows/login-transactions'
import { MoneyhubError, type ExchangeCodeResult } from '../moneyhub'
import { completePaymentFlow } from '../payments/complete-payment-flow'
import { readTxCookie, writeSessionCookie } from '../session/cookies'
import { hashId, safeEqual } from '../session/ids'
import { grantTokens, planLogin, sessionGrants } from '../session/one-time-grants'
import { revokeTokens } from '../session/revoke-tokens'
import type { Session, SessionData } from '../session/sessions'
import type { Services } from '../services'

// Parameters an authorisation response may carry (docs/moneyhub-protocol.md §8); anything else is
// refused.
const ALLOWED_PARAMS = new Set([
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
])
const MAX_PARAM_LENGTH = 2048

/**
 * Checks the callback's query before anything else: only known names, each at most once,
 * bounded length (docs/security.md I5); then `iss`, which must be there and equal the issuer
 * exactly (the issuer always sends it, RFC 9207), before `state` or `error` are looked at, so a
 * response from anywhere else touches no login transaction or flow (docs/security.md P10, P11);
 * then a well-formed `state`, which only an error response may lack.
 *
 * @param issuer - the configured issuer
 * @throws AppError `invalid_request` | `iss_mismatch` | `state_mismatch`
 */
function callbackParams(
  c: Context<AppEnv>,
  issuer: string,
): {
  params: URLSearchParams
  state: string | undefined
} {
  const params = new URL(c.req.url).searchParams
  const seen = new Set<string>()
  for (const [name, value] of params) {
    if (!ALLOWED_PARAMS.has(name) || seen.has(name) || value.length > MAX_PARAM_LENGTH) {
      throw new AppError('invalid_request', { reason: 'callback_params' })
    }
    seen.add(name)
  }
  if (params.get('iss') !== issuer) {
    c.var.log.warn({ event: 'security', reason: 'iss_mismatch' }, 'login failure')
    throw new AppError('iss_mismatch')
  }
  const state = params.get('state')
  if (state === null) {
    // Only an error response may lack state: the identity service could not read the request
    // (e.g. an expired request_uri), so it cannot know the state either.
    if (params.has('error')) return { params, state: undefined }
    throw new AppError('state_mismatch', { reason: 'state_missing' })
  }
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(state)) {
    throw new AppError('state_mismatch', { reason: 'state_malformed' })
  }
  return { params, state }
}

/**
 * The code of an OAuth `error` the authorisation response carried (docs/moneyhub-protocol.md
 * §8): a `request_uri` that lapsed before the user finished is an expiry, a refusal is
 * `access_denied`, anything else the identity service's failure.
 */
function authorisationErrorCode(error: string | null | undefined): ErrorCode {
  if (error === 'invalid_request_uri' || error === 'expired_token') return 'flow_expired'
  return error === 'access_denied' ? 'access_denied' : 'upstream_error'
}

/** The code a failed callback ends its flow with. */
function failureCode(error: unknown): ErrorCode {
  if (
    error instanceof MoneyhubError &&
    (error.code === 'authorization_error' || authorisationErrorCode(error.error) === 'flow_expired')
  ) {
    return authorisationErrorCode(error.error)
  }
  return toAppError(error).code
}

/**
 * An error callback without `state` (e.g. an expired `request_uri`, which the identity service
 * could not read): nothing proves which flow it belongs to, and a cross-site page can send a
 * browser here, so it only shows the error and changes no flow. The flow it may have ended
 * lapses with its transaction (`flow_expired`).
 *
 * @throws AppError `flow_expired` | `access_denied` | `upstream_error`, always
 */
function statelessFailure(c: Context<AppEnv>, params: URLSearchParams): never {
  const error = params.get('error')
  c.var.log.warn(
    { event: 'security', reason: 'callback_without_state', error: error?.slice(0, 40) },
    'login failure',
  )
  throw new AppError(authorisationErrorCode(error), { reason: 'callback_without_state' })
}

/**
 * `303 <returnTo>?flow=<flowId>` for the browser that started the flow. Any other browser
 * cannot read the flow, so it is answered as a callback that belongs to no flow of its own.
 *
 * @throws AppError `state_mismatch` for a browser that does not own the flow
 */
/** Whether the request carries the transaction cookie of the browser that started the login. */
function fromStartingBrowser(c: Context<AppEnv>, tx: LoginTransaction): boolean {
  const browser = readTxCookie(c)
  return browser !== undefined && safeEqual(hashId(browser), tx.browserHash)
}

function redirectToApp(c: Context<AppEnv>, flow: FlowRecord): Response {
  if (!ownsFlow(c, flow)) {
    throw new AppError('state_mismatch', { reason: 'flow_of_another_browser' })
  }
  return c.redirect(returnToWithParam(flow.returnTo, FLOW_PARAM, flow.flowId), 303)
}

/**
 * Starts the session of a successful login: {@link planLogin} decides what it holds (who is
 * signed in, what of the starting session carries over, which one-time grants a reconnect
 * supersedes); this does the I/O. The starting session is destroyed (replaced, so logins it
 * started in other tabs may still complete), the new one gets a fresh id (docs/security.md
 * S4), and superseded grants' tokens are revoked once the new session is saved.
 */
async function startSession(
  c: Context<AppEnv>,
  s: Services,
  tx: LoginTransaction,
  exchanged: ExchangeCodeResult,
): Promise<Session> {
  const oldContext = tx.sessionHash
  let previous: SessionData | undefined
  if (oldContext !== undefined) {
    previous = await s.sessions.loadByHash(oldContext)
    await s.sessions.destroyByHash(oldContext)
    if (previous !== undefined) await s.logins.sessionReplaced(oldContext)
  }
  const plan = planLogin({
    oneTime: tx.oneTime,
    ...(tx.replacesConnectionId === undefined
      ? {}
      : { replacesConnectionId: tx.replacesConnectionId }),
    ...(previous === undefined ? {} : { previous }),
    ...(tx.oneTime && previous?.sub === undefined ? { hostUser: await s.userBinding.get(c) } : {}),
    requestOneTimeOnly: c.var.session?.data.oneTimeOnly === true,
    exchanged,
    now: s.clock.now(),
  })

  const session = await s.sessions.create({ connectionIds: plan.connectionIds })
  // The browser keeps seeing the payments it made before this sign-in.
  if (plan.sameUser && oldContext !== undefined) {
    await s.payments.carryOver(oldContext, hashId(session.id))
  }
  const seal = (secret: string) => s.sessions.seal(session, secret)
  // Only ever opens values of `previous`, which exists only with a starting session.
  const openOld = (sealed: string) => s.sessions.openWith(oldContext ?? '', sealed)
  session.data.oneTime = sessionGrants(plan, exchanged, (sealed) => seal(openOld(sealed)), seal)
  if (plan.oneTimeOnly) session.data.oneTimeOnly = true
  if (plan.refreshToken === 'exchanged' && exchanged.tokens.refreshToken !== undefined) {
    session.data.refreshToken = seal(exchanged.tokens.refreshToken)
  } else if (plan.refreshToken === 'carried' && previous?.refreshToken !== undefined) {
    session.data.refreshToken = seal(openOld(previous.refreshToken))
  }
  c.set('session', session)
  // A host app's binding that already names this user is left as it is.
  if ((await s.userBinding.get(c)) !== plan.sub) await s.userBinding.set(c, plan.sub)
  await s.sessions.save(session)
  writeSessionCookie(c, session.id)
  // A webhook about this user is now about someone this BFF serves (docs/webhooks.md).
  await s.liveEvents.rememberUser(plan.sub)
  if (plan.superseded.length > 0) {
    // Best effort (RFC 7009), refresh token first: the grants are already gone server-side.
    await revokeTokens(
      s.moneyhub,
      grantTokens(plan.superseded, openOld),
      c.var.log,
      'replaced one-time tokens',
    )
  }
  return session
}

async function complete(
  c: Context<AppEnv>,
  s: Services,
  tx: LoginTransaction,
  params: URLSearchParams,
  state: string,
) {
  const log = c.var.log
  const startingSessionLive =
    tx.sessionHash === undefined || (await s.sessions.loadByHash(tx.sessionHash)) !== undefined
  if (await s.logins.hasEnded(tx, startingSessionLive)) {
    // Logout (or the S7 end) came after this login started: whoever approves the consent now
    // must not be signed in as the user who left. Nothing is exchanged.
    log.warn({ event: 'security', reason: 'login_ended', flowId: tx.flowId }, 'login failure')
    return s.flows.fail(tx.flowId, 'flow_expired')
  }
  if (!fromStartingBrowser(c, tx)) {
    // The callback reached a browser other than the one that started the flow (login CSRF or
    // a forwarded link): the code is never exchanged. The route checks this before taking the
    // transaction; this holds should the cookie change in between.
    log.warn(
      { event: 'security', reason: 'browser_binding_mismatch', flowId: tx.flowId },
      'login failure',
    )
    return s.flows.fail(tx.flowId, 'state_mismatch')
  }
  try {
    if (tx.payment !== undefined) {
      // A payment-kind flow signs nobody in: its own file records what was authorised.
      const done = await completePaymentFlow(s, log, { ...tx, payment: tx.payment }, params, state)
      log.info(
        { event: 'security', reason: 'payment_authorised', kind: tx.kind, flowId: tx.flowId },
        'payment authorised',
      )
      return s.flows.succeed(tx.flowId, done.result, done.sessionHash)
    }
    const exchanged = await exchangeLoginCode(s, tx, params, state, { connectionId: true })
    if (tx.connectionId !== undefined && exchanged.connectionId !== tx.connectionId) {
      throw new AppError('invalid_id_token', { reason: 'connection_mismatch' })
    }
    const session = await startSession(c, s, tx, exchanged)
    // The browser's first-connect user is bound now; its next connects use the session's.
    await s.firstConnectUsers.settled(tx.browserHash)
    const result: FlowResult =
      exchanged.connectionId === undefined ? {} : { connectionId: exchanged.connectionId }
    log.info(
      { event: 'security', reason: 'login_success', kind: tx.kind, flowId: tx.flowId },
      'login success',
    )
    return s.flows.succeed(tx.flowId, result, hashId(session.id))
  } catch (error) {
    const code = failureCode(error)
    const reason =
      error instanceof AppError
        ? (error.reason ?? error.code)
        : error instanceof MoneyhubError
          ? error.code
          : 'unexpected'
    if (code === 'internal_error') log.error({ err: error }, 'callback failed')
    log.warn({ event: 'security', reason, code, kind: tx.kind, flowId: tx.flowId }, 'login failure')
    return s.flows.fail(tx.flowId, code)
  }
}

/**
 * `GET /api/callback`: the registered `redirect_uri`. Checks `iss` first, then that the
 * request comes from the browser that started the login (consuming nothing otherwise), then
 * takes the login transaction once, atomically; the winner exchanges the code (iss → state →
 * error → code, in the Moneyhub client), records the user and connection on a fresh session
 * and stores the flow outcome. A replay, reload or second tab finds the transaction gone and
 * gets the stored outcome instead — never a second exchange, so never a second payment. A
 * payment-kind flow signs nobody in: `payments/complete-payment-flow.ts` exchanges the code and
 * records what the transaction says was authorised. Answers 303 to
 * `<returnTo>?flow=<flowId>`.
 *
 * Errors (before any upstream call, and changing no flow): `invalid_request` (unknown, repeated
 * or oversized parameters), `iss_mismatch` (no or another `iss`, checked first), `state_mismatch`
 * (no or unknown state, or a flow of another browser), and for an error response without state
 * its code (`access_denied`, `flow_expired`, `upstream_error`). Reached by a browser navigation,
 * each is a 303 into the app with `?flowError=<code>` (`flows/callback-landing.ts`), not JSON.
 */
export function callbackRoutes(s: Services) {
  return new Hono<AppEnv>().get(CALLBACK_PATH, async (c) => {
    const { params, state } = callbackParams(c, s.moneyhub.issuer)
    if (state === undefined) statelessFailure(c, params)
    // The browser binding is checked before the transaction is taken: a callback in another
    // browser (login CSRF, a forwarded or leaked link) is not proven to belong to the flow, so
    // it consumes nothing and the starting browser can still complete it.
    const bound = await s.transactions.peek(state)
    if (bound !== undefined && !fromStartingBrowser(c, bound)) {
      c.var.log.warn(
        { event: 'security', reason: 'browser_binding_mismatch', flowId: bound.flowId },
        'login failure',
      )
      throw new AppError('state_mismatch', { reason: 'browser_binding_mismatch' })
    }
    const tx = await s.transactions.take(state)
    // The winner claims its flow before anything else, so nobody can expire it while the code
    // is exchanged. The claim fails only when the flow was already ended (its transaction
    // lapsed at this very moment): then nothing is exchanged and that outcome stands.
    if (tx !== undefined && (await s.flows.claim(tx.flowId))) {
      const flow = await complete(c, s, tx, params, state)
      if (flow === undefined) throw new AppError('flow_not_found')
      return redirectToApp(c, flow)
    }
    let flow = await s.flows.byState(state)
    if (flow === undefined) {
      c.var.log.warn({ event: 'security', reason: 'state_unknown' }, 'login failure')
      throw new AppError('state_mismatch')
    }
    if (flow.status === 'pending' && s.clock.now() >= flow.txExpiresAt) {
      // The 10-minute transaction lapsed before the user came back — unless another callback
      // took it in time and is still exchanging: then its outcome stands.
      flow = (await s.flows.failUnclaimed(flow.flowId, 'flow_expired')) ?? flow
      if (flow.error?.code === 'flow_expired') {
        c.var.log.warn(
          { event: 'security', reason: 'flow_expired', flowId: flow.flowId },
          'login failure',
        )
      }
    }
    // Otherwise: a replay or a concurrent second callback; the first one's outcome stands.
    return redirectToApp(c, flow)
  })
}
