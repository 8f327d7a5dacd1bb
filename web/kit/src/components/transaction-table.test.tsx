import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { errorBody, fakeBff, json, renderWithKit } from '../../test/fake-bff'
import { account, transaction } from '../../test/fixtures'
import { accountsKey } from '../query-options/mhkit-keys'
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

  it('names each row’s account when rows from several accounts mix, and only then', async () => {
    const savings = { ...account, id: '5b1a3d0e-9c57-4a5e-8d8e-2f1c4b7a9e60', name: 'Rainy Day' }
    const bff = fakeBff({
      'GET /api/transactions': () =>
        json({
          data: [transaction(1), { ...transaction(2), accountId: savings.id }],
          page: { limit: 50, offset: 0, nextOffset: null },
        }),
      'GET /api/accounts': () => json({ data: [account, savings] }),
    })
    const all = renderWithKit(<TransactionTable />, bff)
    const table = await screen.findByRole('table', { name: 'Transactions' })
    expect(within(table).getByRole('columnheader', { name: 'Account' })).toBeInTheDocument()
    const [, first, second] = within(table).getAllByRole('row')
    await waitFor(() => expect(first).toHaveTextContent('Everyday Current'))
    expect(second).toHaveTextContent('Rainy Day')
    all.unmount()

    // Filtered to one account, the column would repeat the filter: it is left out, and the
    // accounts are not asked for.
    const before = bff.callsTo('GET /api/accounts').length
    renderWithKit(<TransactionTable accountId={account.id} />, bff)
    const one = await screen.findByRole('table', { name: 'Transactions' })
    expect(within(one).queryByRole('columnheader', { name: 'Account' })).toBeNull()
    expect(bff.callsTo('GET /api/accounts')).toHaveLength(before)
  })

  it('leaves the account cell blank, never an id, when the accounts cannot be read', async () => {
    const bff = fakeBff({
      'GET /api/transactions': () =>
        json({ data: [transaction(1)], page: { limit: 50, offset: 0, nextOffset: null } }),
      'GET /api/accounts': () => errorBody('upstream_unavailable', 503),
    })
    const { queryClient } = renderWithKit(<TransactionTable />, bff)
    const table = await screen.findByRole('table', { name: 'Transactions' })
    // Once the accounts have answered with their error, not merely been asked for.
    await waitFor(() => expect(queryClient.getQueryState(accountsKey())?.status).toBe('error'))
    const [, row] = within(table).getAllByRole('row')
    const accountCell = within(row!).getAllByRole('cell')[2]
    expect(accountCell).toHaveClass('mhkit-table__account')
    expect(accountCell).toBeEmptyDOMElement()
    expect(table).not.toHaveTextContent(account.id)
    expect(screen.queryByRole('alert')).toBeNull()
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
