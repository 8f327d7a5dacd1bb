import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { account, transaction } from '../../test/fixtures'
import { TransactionTable } from './transaction-table'

describe('TransactionTable', () => {
  it('pages through transactions with Load more, sending the filters and the next offset', async () => {
    const bff = fakeBff({
      'GET /api/transactions': (call) =>
        call.query.get('offset') === '2'
          ? json({ data: [transaction(3, 5000)], page: { limit: 2, offset: 2, nextOffset: null } })
          : json({
              data: [transaction(1), transaction(2)],
              page: { limit: 2, offset: 0, nextOffset: 2 },
            }),
    })
    renderWithKit(<TransactionTable accountId={account.id} limit={2} />, bff)
    expect(screen.getByRole('status')).toHaveTextContent('Loading transactions')

    const table = await screen.findByRole('table', { name: 'Transactions' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    expect(table).toHaveTextContent('-£12.50')
    expect(table).toHaveTextContent('1 Nov 2026')
    expect(bff.calls[0]?.query.get('accountId')).toBe(account.id)
    expect(bff.calls[0]?.query.get('limit')).toBe('2')
    expect(bff.calls[0]?.query.has('offset')).toBe(false)

    await userEvent.click(screen.getByRole('button', { name: 'Load more transactions' }))
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4))
    expect(bff.calls.at(-1)?.query.get('offset')).toBe('2')
    expect(table).toHaveTextContent('£50.00')
    expect(screen.queryByRole('button', { name: 'Load more transactions' })).toBeNull()
    expect(screen.getByText('Showing 3 transactions')).toBeInTheDocument()
  })

  it('shows the empty state', async () => {
    const bff = fakeBff({
      'GET /api/transactions': () =>
        json({ data: [], page: { limit: 50, offset: 0, nextOffset: null } }),
    })
    renderWithKit(<TransactionTable />, bff)
    expect(await screen.findByText('No transactions to show.')).toBeInTheDocument()
  })

  it('shows its empty state, not an error, to a browser whose session ended', async () => {
    const bff = fakeBff({ 'GET /api/transactions': () => errorBody('session_expired', 401) })
    renderWithKit(<TransactionTable />, bff)
    expect(await screen.findByText('No transactions to show.')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
