import { useAccounts, useTransactions } from '@mhkit/react'
import { useRef, useState, type FormEvent } from 'react'
import { dateRangeProblem } from '../components/date-range'
import { DataProblem } from '../components/data-problem'
import { formatAmount, formatDate } from '../format'

/** Transactions shown per page; small so paging is visible with the simulator's fixtures. */
const PAGE_SIZE = 10

interface Filters {
  accountId?: string
  startDate?: string
  endDate?: string
}

function readFilters(form: HTMLFormElement): Filters {
  const data = new FormData(form)
  const value = (name: string): string | undefined => {
    const raw = data.get(name)
    return typeof raw === 'string' && raw !== '' ? raw : undefined
  }
  const filters: Filters = {}
  const accountId = value('accountId')
  const startDate = value('startDate')
  const endDate = value('endDate')
  if (accountId !== undefined) filters.accountId = accountId
  if (startDate !== undefined) filters.startDate = startDate
  if (endDate !== undefined) filters.endDate = endDate
  return filters
}

/** Transactions with account and date filters, a page at a time. */
export function TransactionsScreen() {
  const [filters, setFilters] = useState<Filters>({})
  const [rangeProblem, setRangeProblem] = useState<string | undefined>(undefined)
  const fromInput = useRef<HTMLInputElement>(null)
  const accounts = useAccounts()
  const transactions = useTransactions({ ...filters, limit: PAGE_SIZE })
  const rows = transactions.data?.pages.flatMap((page) => page.data) ?? []
  const accountName = new Map((accounts.data?.data ?? []).map((a) => [a.id, a.name]))

  const apply = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const next = readFilters(event.currentTarget)
    const problem = dateRangeProblem(next.startDate, next.endDate)
    setRangeProblem(problem)
    // Nothing is sent while the range is inverted; the person lands on the field to fix.
    if (problem !== undefined) {
      fromInput.current?.focus()
      return
    }
    setFilters(next)
  }

  return (
    <section className="demo-panel" aria-labelledby="transactions-heading">
      <h1 id="transactions-heading">Transactions</h1>
      {rangeProblem === undefined ? null : (
        <div className="demo-alert" role="alert">
          <strong>There is a problem with the filters</strong>
          <p>
            <a href="#tx-from">{rangeProblem}</a> Nothing was searched.
          </p>
        </div>
      )}
      <form className="demo-filters" aria-label="Filter transactions" noValidate onSubmit={apply}>
        <label>
          Account
          <select name="accountId" defaultValue="">
            <option value="">All accounts</option>
            {(accounts.data?.data ?? []).map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </label>
        <div className="demo-filter-field">
          <label htmlFor="tx-from">From</label>
          <input
            ref={fromInput}
            id="tx-from"
            type="date"
            name="startDate"
            aria-invalid={rangeProblem === undefined ? undefined : true}
            aria-describedby={rangeProblem === undefined ? undefined : 'tx-from-error'}
          />
          {rangeProblem === undefined ? null : (
            <span id="tx-from-error" className="demo-field-error">
              {rangeProblem}
            </span>
          )}
        </div>
        <label>
          To
          <input type="date" name="endDate" />
        </label>
        <button type="submit" className="demo-button" data-variant="secondary">
          Apply filters
        </button>
      </form>

      {transactions.isPending ? <p className="demo-muted">Loading transactions…</p> : null}
      {transactions.isError ? (
        <DataProblem
          error={transactions.error}
          what="your transactions"
          onRetry={() => void transactions.refetch()}
        />
      ) : null}
      {transactions.isSuccess && rows.length === 0 ? (
        <p className="demo-muted">No transactions match these filters.</p>
      ) : null}
      {rows.length > 0 ? (
        <table className="demo-table demo-table--stack" aria-label="Transactions">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col">Account</th>
              <th scope="col" className="demo-num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((tx) => (
              <tr key={tx.id}>
                <td data-label="Date">{formatDate(tx.date)}</td>
                <td data-label="Description">
                  {tx.merchant ?? tx.description}
                  {tx.status === 'pending' ? <span className="demo-muted"> (pending)</span> : null}
                </td>
                <td data-label="Account">{accountName.get(tx.accountId) ?? '—'}</td>
                <td data-label="Amount" className="demo-num">
                  {formatAmount(tx.amount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="demo-pager">
        <span className="demo-muted" role="status">
          {rows.length > 0 ? `Showing ${rows.length} transactions` : ''}
        </span>
        {transactions.hasNextPage ? (
          <button
            type="button"
            className="demo-button"
            data-variant="secondary"
            disabled={transactions.isFetchingNextPage}
            onClick={() => void transactions.fetchNextPage()}
          >
            {transactions.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
    </section>
  )
}
