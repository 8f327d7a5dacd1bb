/**
 * Transactions (data API, scope `transactions:read:all` with `sub`, or a one-time consent's own
 * access token; docs/moneyhub-protocol.md §9.4). Query names
 * are Moneyhub's own (`startDate`, `endDate`), not the community client's.
 */
import type { ClientContext } from './internal/context'
import { dateParam, pageQuery, textParam } from './internal/query'
import { callPage, segment, type TokenSource } from './internal/rest'
import { mhTransactionSchema, type MhPage, type MhTransaction } from './schemas'
import type { PageQuery } from './page-query'

/** Transactions query with Moneyhub's own parameter names (docs/moneyhub-protocol.md §9.4). */
export interface TransactionsQuery extends PageQuery {
  accountId?: string
  /** `YYYY-MM-DD`, inclusive. */
  startDate?: string
  /** `YYYY-MM-DD`, inclusive. */
  endDate?: string
  text?: string
}

/** Scopes the transaction calls need. */
export const TRANSACTION_SCOPES = ['transactions:read:all'] as const

/**
 * `GET /transactions`.
 *
 * @throws MoneyhubError `invalid_input` for bad dates, paging or ids; upstream codes
 * @see https://docs.moneyhubenterprise.com/docs/querying-data
 */
export async function getTransactions(
  ctx: ClientContext,
  token: TokenSource,
  query: TransactionsQuery = {},
): Promise<MhPage<MhTransaction>> {
  const q = {
    ...pageQuery(query),
    accountId:
      query.accountId === undefined
        ? undefined
        : decodeURIComponent(segment(query.accountId, 'account id')),
    startDate: dateParam(query.startDate, 'startDate'),
    endDate: dateParam(query.endDate, 'endDate'),
    text: textParam(query.text, 'text'),
  }
  return callPage(ctx, {
    host: 'data',
    method: 'GET',
    path: '/transactions',
    query: q,
    token,
    schema: mhTransactionSchema,
  })
}
