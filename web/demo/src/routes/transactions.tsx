import { EmptyState, TransactionTable, useAccounts } from '@mhkit/react'
import { useRef, useState, type FormEvent } from 'react'
import { ConnectInvitation } from '../components/connect-invitation'
import { dateRangeProblem } from '../components/date-range'
import { toConnections } from '../to-connections'

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

/**
 * The kit's TransactionTable (a page at a time, "Load more") inside the demo's account and
 * date filters; the table's caption names the account it is filtered to.
 */
export function TransactionsScreen() {
  const [filters, setFilters] = useState<Filters>({})
  const [rangeProblem, setRangeProblem] = useState<string | undefined>(undefined)
  const fromInput = useRef<HTMLInputElement>(null)
  const accounts = useAccounts()
  const account = accounts.data?.data.find((a) => a.id === filters.accountId)
  const filtered = Object.keys(filters).length > 0

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

      <TransactionTable
        {...filters}
        limit={PAGE_SIZE}
        onReconnect={toConnections}
        caption={account === undefined ? 'Transactions' : `Transactions in ${account.name}`}
      >
        {filtered ? (
          <EmptyState title="No transactions found">
            <p>No transactions match these filters.</p>
          </EmptyState>
        ) : (
          <ConnectInvitation title="No transactions yet" what="your transactions" />
        )}
      </TransactionTable>
    </section>
  )
}
