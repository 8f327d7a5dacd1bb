import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createBffClient } from '../api/bff-client'
import { BffError } from '../api/bff-error'
import { describeError } from '../api/describe-error'
import { describePaymentError } from '../api/describe-payment-error'
import { AccountList } from '../components/account-list'
import { ConnectBankButton } from '../components/connect-bank-button'
import { MhkitProvider } from '../components/mhkit-provider'
import { TransactionTable } from '../components/transaction-table'
import { errorBody, fakeBff, json, testQueryClient } from '../../test/fake-bff'
import type { FakeBff } from '../../test/fake-bff'
import { transaction } from '../../test/fixtures'
import type { MhkitMessages } from './mhkit-messages'

const french: MhkitMessages = {
  connectButton: 'Connecter votre banque',
  accountsLoading: 'Chargement des comptes…',
  transactionsCaption: 'Opérations',
  columnDate: 'Date',
  columnDescription: 'Libellé',
  columnAccount: 'Compte',
  columnAmount: 'Montant',
  transactionsCount: (n) => `${n} opération${n > 1 ? 's' : ''}`,
  errorReconnectTitle: 'Reconnexion nécessaire',
  errorReconnectMessage: 'Votre autorisation a expiré. Reconnectez votre banque pour continuer.',
  errorReference: 'Référence :',
  actionLabels: { reconnect: 'Reconnecter votre banque', 'start-again': 'Recommencer' },
  retryIn: (s) => `(dans environ ${s} secondes)`,
  errorBusyMessage: 'Le service est occupé.',
  paymentErrorDeniedTitle: 'Paiement non autorisé',
}

function renderInFrench(ui: React.ReactElement, bff: FakeBff) {
  const client = createBffClient({ fetch: bff.fetch })
  return render(
    <QueryClientProvider client={testQueryClient()}>
      <MhkitProvider client={client} messages={french}>
        {ui}
      </MhkitProvider>
    </QueryClientProvider>,
  )
}

describe('MhkitProvider messages', () => {
  it('renders the overrides in several components and keeps the defaults for keys left out', async () => {
    const bff = fakeBff({
      'GET /api/accounts': () => errorBody('consent_expired', 403),
      'GET /api/transactions': () =>
        json({
          data: [transaction(1), transaction(2)],
          page: { limit: 50, offset: 0, nextOffset: null },
        }),
    })
    renderInFrench(
      <>
        <ConnectBankButton />
        <AccountList onReconnect={() => undefined} />
        <TransactionTable />
      </>,
      bff,
    )
    expect(screen.getByRole('button', { name: 'Connecter votre banque' })).toBeInTheDocument()
    expect(screen.getByText('Chargement des comptes…')).toBeInTheDocument()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Reconnexion nécessaire')
    expect(alert).toHaveTextContent('Votre autorisation a expiré.')
    expect(alert).toHaveTextContent('Référence : req-123')
    expect(within(alert).getByRole('button')).toHaveTextContent('Reconnecter votre banque')

    const table = await screen.findByRole('table', { name: 'Opérations' })
    const headings = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent)
    expect(headings).toEqual(['Date', 'Libellé', 'Compte', 'Montant'])
    expect(screen.getByText('2 opérations')).toBeInTheDocument()
    // No override for the "load more" wording: the English default stays.
    expect(screen.queryByText(/Showing/)).toBeNull()
  })

  it('words errors with the overrides, interpolated values included', () => {
    const busy = new BffError('rate_limited', 'Slow down.', { retryAfter: 30 })
    expect(describeError(busy, french).message).toBe(
      'Le service est occupé. (dans environ 30 secondes)',
    )
    expect(describeError('network_error', french)).toEqual(describeError('network_error'))
    const denied = describePaymentError('access_denied', french)
    expect(denied.title).toBe('Paiement non autorisé')
    expect(denied.actionLabel).toBe('Recommencer')
    // Payment wording falls back to the general groups for codes it does not word itself.
    expect(describePaymentError('consent_expired', french).title).toBe('Reconnexion nécessaire')
  })
})
