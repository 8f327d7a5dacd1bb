import { ClaimName } from '@mhkit/shared'

import type { SimBank } from '../banks'
import type { SimPayee } from '../state'
import { isRecord, type AuthorizationIntent } from './authorization-intent'
import { humanDate } from './human-date'
import type { ConsentTerm } from './pages'
import { consentWindow } from './record-consent'

/**
 * Format pence as pounds for people (`£12.34`).
 *
 * @param pence - Integer minor units.
 * @returns The amount in pounds with two decimals.
 */
function formatPence(pence: unknown): string {
  return typeof pence === 'number' ? `£${(pence / 100).toFixed(2)}` : 'not given'
}

function text(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  return 'not given'
}

function payeeText(value: Record<string, unknown>, payees: ReadonlyMap<string, SimPayee>): string {
  // A payee created with POST /payees is shown as the bank would: its name and account.
  const known = typeof value.payeeId === 'string' ? payees.get(value.payeeId) : undefined
  const payee = isRecord(value.payee) ? value.payee : known
  if (payee !== undefined) {
    const { name, sortCode, accountNumber } = payee
    return `${text(name)} (${text(sortCode)} ${text(accountNumber)})`
  }
  return `payee ${text(value.payeeId)}`
}

/**
 * Describe what the user is asked to agree to, for the consent page.
 *
 * @param intent - The authorisation request.
 * @param bank - The chosen bank.
 * @param now - The simulator clock.
 * @param payees - Payees created with `POST /payees`, to show a `payeeId` by name.
 * @returns A heading and the terms (amounts, payee, references, consent window).
 */
export function describeIntent(
  intent: AuthorizationIntent,
  bank: SimBank,
  now: Date,
  payees: ReadonlyMap<string, SimPayee> = new Map(),
): { heading: string; terms: ConsentTerm[] } {
  const claim = (name: string): Record<string, unknown> => {
    const value = intent.claims[name]?.value
    return isRecord(value) ? value : {}
  }
  switch (intent.kind) {
    case 'payment': {
      const value = claim(ClaimName.payment)
      return {
        heading: 'Approve a payment',
        terms: [
          { label: 'Amount', value: formatPence(value.amount) },
          { label: 'Payee', value: payeeText(value, payees) },
          { label: 'Payee reference', value: text(value.payeeRef) },
          { label: 'Your reference', value: text(value.payerRef) },
        ],
      }
    }
    case 'reverse_payment': {
      const value = claim(ClaimName.reversePayment)
      return {
        heading: 'Approve a refund',
        terms: [
          { label: 'Refund of payment', value: text(value.paymentId) },
          {
            label: 'Amount',
            value: value.amount === undefined ? 'full amount' : formatPence(value.amount),
          },
        ],
      }
    }
    case 'standing_order': {
      const value = claim(ClaimName.standingOrder)
      const frequency = isRecord(value.frequency) ? value.frequency : {}
      return {
        heading: 'Set up a standing order',
        terms: [
          { label: 'Payee', value: payeeText(value, payees) },
          { label: 'Reference', value: text(value.reference) },
          { label: 'Frequency', value: `${text(frequency.repeat)} (day ${text(frequency.day)})` },
          {
            label: 'First payment',
            value: `${formatPence(value.firstPaymentAmount)} on ${humanDate(value.firstPaymentDate)}`,
          },
          {
            label: 'Regular payment',
            value: formatPence(value.recurringPaymentAmount ?? value.firstPaymentAmount),
          },
          {
            label: 'Ends',
            value:
              value.numberOfPayments !== undefined
                ? `after ${text(value.numberOfPayments)} payments`
                : `on ${humanDate(value.finalPaymentDate)}`,
          },
        ],
      }
    }
    case 'recurring_payment': {
      const value = claim(ClaimName.recurringPayment)
      const limits = Array.isArray(value.periodicLimits) ? value.periodicLimits : []
      return {
        heading: 'Set up variable recurring payments',
        terms: [
          { label: 'Payee', value: payeeText(value, payees) },
          { label: 'Reference', value: text(value.reference) },
          { label: 'Maximum per payment', value: formatPence(value.maximumIndividualAmount) },
          {
            label: 'Limits',
            value:
              limits
                .filter(isRecord)
                .map((limit) => `${formatPence(limit.amount)} per ${text(limit.periodType)}`)
                .join(', ') || 'none',
          },
          {
            label: 'Valid',
            value:
              value.validToDate === undefined
                ? `from ${humanDate(value.validFromDate)} until you revoke it`
                : `${humanDate(value.validFromDate)} to ${humanDate(value.validToDate)}`,
          },
        ],
      }
    }
    case 'reauth':
    case 'refresh':
    case 'reconsent':
      return {
        heading: intent.kind === 'reconsent' ? 'Renew your consent' : 'Reconnect your bank',
        // The connection is named by its bank, as a person knows it, never by its id.
        terms: [{ label: 'Connection', value: `Your ${bank.name} accounts` }],
      }
    case 'ais': {
      const window = consentWindow(intent, bank, now)
      return {
        heading: 'Share your accounts',
        terms: [
          { label: 'Access', value: 'Your accounts, balances and transactions' },
          { label: 'Transactions from', value: humanDate(window.transactionFrom) },
          { label: 'Access until', value: humanDate(window.expiresAt) },
        ],
      }
    }
  }
}
