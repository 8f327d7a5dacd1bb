import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { TransactionFilters } from '../api/contract'
import { useBffClient } from '../api/mhkit-context'
import { useTransactions } from '../hooks/use-transactions'
import { cx } from '../internal/class-names'
import { queryGate } from '../internal/query-gate'
import { ErrorNotice } from './error-notice'
import { formatDate } from '../format/format-date'
import { formatMoney } from '../format/format-money'
import { useMessages } from '../messages/use-messages'
import { accountsQueryOptions } from '../query-options/accounts-query'

/** Props of {@link TransactionTable}. */
export interface TransactionTableProps extends TransactionFilters {
  className?: string
  /** Table caption (its accessible name). Default "Transactions". */
  caption?: string
  /**
   * Replaces the empty state, shown when there are no transactions or no session yet (default
   * "No transactions to show.").
   */
  children?: ReactNode
  /**
   * Where a person goes to reconnect when the transactions cannot be read until they do (an
   * expired consent), e.g. your connections page. Without it that error shows no button.
   */
  onReconnect?: () => void
  /**
   * Adds an "Account" column naming each transaction's account, from the same accounts query
   * as `AccountList`. Default: shown when the table is not filtered to one account
   * (`accountId` unset), where rows from several accounts mix.
   */
  showAccount?: boolean
}

/**
 * A table of transactions (date, description, account, amount) a page at a time, wrapping
 * {@link useTransactions}: "Load more" fetches the next page, with `aria-busy` and a live
 * status while it loads; empty, loading and error states included.
 */
export function TransactionTable({
  className,
  caption,
  children,
  onReconnect,
  showAccount,
  ...filters
}: TransactionTableProps) {
  const query = useTransactions(filters)
  const withAccount = showAccount ?? filters.accountId === undefined
  const accounts = useQuery({ ...accountsQueryOptions(useBffClient()), enabled: withAccount })
  const m = useMessages()
  const classes = cx('mhkit-transactions', className)
  const empty = children ?? (
    <p className="mhkit-empty">{m.transactionsEmpty ?? 'No transactions to show.'}</p>
  )
  const loading = m.transactionsLoading ?? 'Loading transactions…'
  const gate = queryGate(query, classes, loading, empty, onReconnect)
  if (gate !== null || query.data === undefined) return gate
  const rows = query.data.pages.flatMap((page) => page.data)
  // Until the accounts answer (or if they cannot be read) the column stays blank: never an id.
  const accountNames = new Map(accounts.data?.data.map((account) => [account.id, account.name]))
  if (rows.length === 0) return <div className={classes}>{empty}</div>
  return (
    <div className={classes}>
      <table className="mhkit-table" aria-busy={query.isFetching}>
        <caption>{caption ?? m.transactionsCaption ?? 'Transactions'}</caption>
        <thead>
          <tr>
            <th scope="col">{m.columnDate ?? 'Date'}</th>
            <th scope="col">{m.columnDescription ?? 'Description'}</th>
            {withAccount ? <th scope="col">{m.columnAccount ?? 'Account'}</th> : null}
            <th scope="col" className="mhkit-table__amount">
              {m.columnAmount ?? 'Amount'}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((tx) => (
            <tr key={tx.id} data-status={tx.status}>
              <td className="mhkit-table__date">{formatDate(tx.date)}</td>
              <td className="mhkit-table__description">
                {tx.merchant ?? tx.description}
                {tx.status === 'pending' ? (
                  <span className="mhkit-badge"> {m.transactionPending ?? 'Pending'}</span>
                ) : null}
              </td>
              {withAccount ? (
                <td className="mhkit-table__account">{accountNames.get(tx.accountId) ?? ''}</td>
              ) : null}
              <td
                className={cx(
                  'mhkit-table__amount mhkit-money',
                  tx.amount.value < 0 ? 'mhkit-money--debit' : 'mhkit-money--credit',
                )}
              >
                {formatMoney(tx.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="mhkit-transactions__count">
        {query.isFetchingNextPage
          ? (m.transactionsLoadingMore ?? 'Loading more transactions…')
          : (m.transactionsCount?.(rows.length) ??
            `Showing ${rows.length} transaction${rows.length === 1 ? '' : 's'}`)}
      </p>
      {query.isFetchNextPageError ? (
        <ErrorNotice error={query.error} onAction={() => void query.fetchNextPage()} />
      ) : null}
      {query.hasNextPage ? (
        <button
          type="button"
          className="mhkit-button"
          aria-busy={query.isFetchingNextPage}
          onClick={() => {
            if (!query.isFetchingNextPage) void query.fetchNextPage()
          }}
        >
          {m.transactionsLoadMore ?? 'Load more transactions'}
        </button>
      ) : null}
    </div>
  )
}
