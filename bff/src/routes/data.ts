import {
  accountParamsSchema,
  transactionsQuerySchema,
  type AccountListResponse,
  type AccountResponse,
  type TransactionPage,
} from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { toAccount } from '../mappers/account'
import { toTransaction } from '../mappers/transaction'
import { validate } from '../internal/validate'
import { endSessionOnReauth } from '../middleware/end-session-on-reauth'
import {
  isMoneyhubError,
  type DataSubject,
  type MhTransaction,
  type TransactionsQuery,
} from '../moneyhub'
import type { Services } from '../services'
import { isExpired, renewedGrant, withoutGrant } from '../session/one-time-grants'
import type { OneTimeGrant, Session } from '../session/sessions'
import { requireUser } from '../user-binding'

function today(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Largest page the data API serves (docs/moneyhub-protocol.md §9.1). */
const UPSTREAM_PAGE_MAX = 1000

/** One place a request's data comes from. */
interface DataSource {
  subject: DataSubject
  /** The one-time grant behind it; undefined for the user's ongoing access. */
  grant?: OneTimeGrant
}

/**
 * Where this request's data comes from: the user's ongoing access (`tokenForUser(sub)` in the
 * client) unless the session's user came from one-time connects alone, plus each one-time
 * grant of the session whose access token is still valid — renewed with its refresh token when
 * it has one. Grants that can no longer read are dropped from the session: tokens are kept for
 * as long as they can read and no longer. Never falls back to `tokenForUser` for a one-time
 * consent.
 *
 * @throws AppError `unauthenticated` | `session_expired` (no user), `consent_expired` (only
 *   one-time access, and every grant has run out)
 */
async function dataSources(c: Context<AppEnv>, s: Services): Promise<DataSource[]> {
  const sub = await requireUser(c, s.userBinding)
  const session = c.var.session
  const sources: DataSource[] = []
  if (session?.data.oneTimeOnly !== true) sources.push({ subject: sub })
  if (session !== undefined) await addGrants(c, s, session, sources)
  if (sources.length === 0) {
    throw new AppError('consent_expired', { reason: 'one_time_access_ended' })
  }
  return sources
}

/** Adds a source per live one-time grant of the session; drops (and saves) ended grants. */
async function addGrants(
  c: Context<AppEnv>,
  s: Services,
  session: Session,
  sources: DataSource[],
): Promise<void> {
  const now = s.clock.now()
  const kept: OneTimeGrant[] = []
  let changed = false
  for (const grant of session.data.oneTime) {
    let live: OneTimeGrant | undefined = grant
    if (isExpired(grant, now)) {
      live = await renew(c, s, session, grant)
      changed = true
    }
    if (live === undefined) continue
    kept.push(live)
    sources.push({
      subject: { accessToken: s.sessions.open(session, live.accessToken) },
      grant: live,
    })
  }
  if (changed) {
    session.data.oneTime = kept
    await s.sessions.save(session)
  }
}

/**
 * A one-time grant whose access token has run out, renewed with its refresh token; undefined
 * when it has none or the provider refuses it (the grant has ended).
 *
 * @throws MoneyhubError other than `reauth_required` (the grant is kept for a retry)
 */
async function renew(
  c: Context<AppEnv>,
  s: Services,
  session: Session,
  grant: OneTimeGrant,
): Promise<OneTimeGrant | undefined> {
  if (grant.refreshToken === undefined) {
    c.var.log.info({ event: 'one_time_access_ended' }, 'one-time access token expired')
    return undefined
  }
  const refreshToken = s.sessions.open(session, grant.refreshToken)
  try {
    const next = await s.moneyhub.refreshToken(
      refreshToken,
      grant.sub === undefined ? {} : { sub: grant.sub },
    )
    return renewedGrant(grant, next, refreshToken, (secret) => s.sessions.seal(session, secret))
  } catch (error) {
    if (isMoneyhubError(error, 'reauth_required')) {
      c.var.log.info({ event: 'one_time_access_ended' }, 'one-time refresh token refused')
      return undefined
    }
    throw error
  }
}

/**
 * Runs one read against one source. A one-time token the data API refuses (401 after the
 * client's retry, or an expired consent) ends its grant: it is dropped from the session and the
 * read answers `consent_expired`, never a `tokenForUser` fallback.
 */
async function read<T>(
  c: Context<AppEnv>,
  s: Services,
  source: DataSource,
  call: (subject: DataSubject) => Promise<T>,
): Promise<T> {
  try {
    return await call(source.subject)
  } catch (error) {
    const grant = source.grant
    const session = c.var.session
    if (
      grant === undefined ||
      session === undefined ||
      !(isMoneyhubError(error, 'unauthorized') || isMoneyhubError(error, 'consent_expired'))
    ) {
      throw error
    }
    session.data.oneTime = withoutGrant(session.data.oneTime, grant.connectionId)
    await s.sessions.save(session)
    throw new AppError('consent_expired', { reason: 'one_time_access_refused', cause: error })
  }
}

/** Items of several sources, each id once (a user's ongoing access may see a grant's data). */
function distinct<T extends { id: string }>(lists: T[][]): T[] {
  const seen = new Set<string>()
  return lists.flat().filter((item) => !seen.has(item.id) && seen.add(item.id))
}

/**
 * The first `count` transactions of one source (offset 0), in pages the data API serves.
 */
async function firstTransactions(
  c: Context<AppEnv>,
  s: Services,
  source: DataSource,
  query: TransactionsQuery,
  count: number,
): Promise<MhTransaction[]> {
  const out: MhTransaction[] = []
  while (out.length < count) {
    const limit = Math.min(UPSTREAM_PAGE_MAX, count - out.length)
    const page = await read(c, s, source, (subject) =>
      s.moneyhub.getTransactions(subject, { ...query, limit, offset: out.length }),
    )
    out.push(...page.data.slice(0, limit))
    if (page.data.length < limit) break
  }
  return out
}

/**
 * The user's data: `GET /api/accounts`, `GET /api/accounts/:id`, `GET /api/transactions`.
 * Session → data sources → data API → upstream shape checked by the client → mapped to the
 * shared contract. The sources are the user's ongoing access (`tokenForUser(sub, scopes)`,
 * cached, single-flight in the client) and each one-time grant of the session, read with the
 * consent's own access token (docs/moneyhub-protocol.md §4.2); a user signed in by one-time
 * connects alone reads through the grants only. Several sources are merged (accounts and
 * transactions each id once; transactions newest first, paged over the merged list).
 *
 * Errors: `unauthenticated` / `session_expired` (401), `invalid_request` (ids and query, before
 * any upstream call), `not_found`, `consent_expired` (one-time access ended: the token expired
 * with no refresh token, or was refused), `reauth_required`, upstream codes.
 */
export function dataRoutes(s: Services) {
  // docs/security.md S7: a refused token for the user ends the session on these routes.
  const endOnReauth = endSessionOnReauth(s)
  return new Hono<AppEnv>()
    .use('/api/accounts/*', endOnReauth)
    .use('/api/transactions/*', endOnReauth)
    .get('/api/accounts', async (c) => {
      const sources = await dataSources(c, s)
      const pages = await Promise.all(
        sources.map((source) => read(c, s, source, (subject) => s.moneyhub.getAccounts(subject))),
      )
      const day = today(s.clock.now())
      const accounts = distinct(pages.map((page) => page.data))
      const body: AccountListResponse = { data: accounts.map((a) => toAccount(a, day)) }
      return c.json(body, 200)
    })
    .get('/api/accounts/:id', validate('param', accountParamsSchema), async (c) => {
      const sources = await dataSources(c, s)
      const { id } = c.req.valid('param')
      let account
      if (sources.length === 1 && sources[0] !== undefined) {
        account = await read(c, s, sources[0], (subject) => s.moneyhub.getAccount(subject, id))
      } else {
        // Each source sees its own connections' accounts: the first that has it answers.
        const results = await Promise.allSettled(
          sources.map((source) =>
            read(c, s, source, (subject) => s.moneyhub.getAccount(subject, id)),
          ),
        )
        const found = results.find((r) => r.status === 'fulfilled')
        if (found !== undefined) account = found.value
        else {
          const failures = results.map((r) => (r as PromiseRejectedResult).reason as unknown)
          throw failures.find((e) => !isMoneyhubError(e, 'not_found')) ?? failures[0]
        }
      }
      const body: AccountResponse = { data: toAccount(account, today(s.clock.now())) }
      return c.json(body, 200)
    })
    .get('/api/transactions', validate('query', transactionsQuerySchema), async (c) => {
      const sources = await dataSources(c, s)
      const q = c.req.valid('query')
      const query: TransactionsQuery = {
        ...(q.accountId === undefined ? {} : { accountId: q.accountId }),
        ...(q.startDate === undefined ? {} : { startDate: q.startDate }),
        ...(q.endDate === undefined ? {} : { endDate: q.endDate }),
        ...(q.text === undefined ? {} : { text: q.text }),
      }
      let items: MhTransaction[]
      if (sources.length === 1 && sources[0] !== undefined) {
        const page = await read(c, s, sources[0], (subject) =>
          s.moneyhub.getTransactions(subject, { ...query, limit: q.limit, offset: q.offset }),
        )
        items = page.data.slice(0, q.limit)
      } else {
        // Paging over the merged list: the first offset + limit of each source, newest first.
        const lists = await Promise.all(
          sources.map((source) => firstTransactions(c, s, source, query, q.offset + q.limit)),
        )
        items = distinct(lists)
          .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
          .slice(q.offset, q.offset + q.limit)
      }
      const data = items.map((t) => toTransaction(t, q.accountId))
      const body: TransactionPage = {
        data,
        page: {
          limit: q.limit,
          offset: q.offset,
          nextOffset: data.length === q.limit ? q.offset + q.limit : null,
        },
      }
      return c.json(body, 200)
    })
}
