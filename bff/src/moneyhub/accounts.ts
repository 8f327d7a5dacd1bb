/**
 * Accounts and balances (data API, scope `accounts:read`: client_credentials with `sub`, or a
 * one-time consent's own access token; docs/moneyhub-protocol.md §9.3, §4.2).
 */
import type { ClientContext } from './internal/context'
import { pageQuery } from './internal/query'
import { callData, callPage, segment, type TokenSource } from './internal/rest'
import {
  listSchema,
  mhAccountSchema,
  mhBalanceSchema,
  type MhAccount,
  type MhBalance,
  type MhPage,
} from './schemas'
import type { PageQuery } from './page-query'

/** Scopes the account calls need. */
export const ACCOUNT_SCOPES = ['accounts:read'] as const

/**
 * `GET /accounts` for one user.
 *
 * @throws MoneyhubError `invalid_input`, `forbidden`, `rate_limited`, `invalid_upstream_response`, ...
 * @see https://docs.moneyhubenterprise.com/docs/querying-data
 */
export async function getAccounts(
  ctx: ClientContext,
  token: TokenSource,
  query?: PageQuery,
): Promise<MhPage<MhAccount>> {
  return callPage(ctx, {
    host: 'data',
    method: 'GET',
    path: '/accounts',
    query: pageQuery(query),
    token,
    schema: mhAccountSchema,
  })
}

/**
 * `GET /accounts/{accountId}`.
 *
 * @throws MoneyhubError `invalid_input` for a malformed id, `not_found`, ...
 */
export async function getAccount(
  ctx: ClientContext,
  token: TokenSource,
  accountId: string,
): Promise<MhAccount> {
  return callData(ctx, {
    host: 'data',
    method: 'GET',
    path: `/accounts/${segment(accountId, 'account id')}`,
    token,
    schema: mhAccountSchema,
  })
}

/**
 * `GET /accounts/{accountId}/balances`.
 *
 * @throws MoneyhubError `invalid_input`, `not_found`, ...
 */
export async function getBalances(
  ctx: ClientContext,
  token: TokenSource,
  accountId: string,
): Promise<MhBalance[]> {
  return callData(ctx, {
    host: 'data',
    method: 'GET',
    path: `/accounts/${segment(accountId, 'account id')}/balances`,
    token,
    schema: listSchema(mhBalanceSchema),
  })
}
