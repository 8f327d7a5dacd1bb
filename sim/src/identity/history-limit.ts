import { ClaimName, earliestTransactionFrom } from '@mhkit/shared'

import { bankHistoryLimits, type SimBank } from '../banks'
import { isRecord, type AuthorizationIntent } from './authorization-intent'

/**
 * Whether an AIS request asks for transactions from further back than the bank allows: the
 * earliest `transactionFromDateTime` is the later of 72 months ago and the bank's
 * `monthsInitialConsent` / `daysInitialConsent` (docs/moneyhub-protocol.md §4.3). Moneyhub refuses
 * an earlier date rather than narrowing it, so the simulator refuses it too.
 *
 * @param intent - The authorisation request.
 * @param bank - The bank the consent is for.
 * @param now - The simulator clock.
 * @returns An `error_description` naming the earliest allowed date, or `undefined` when the
 *   request asks for no date or an allowed one.
 */
export function historyLimitProblem(
  intent: AuthorizationIntent,
  bank: SimBank,
  now: Date,
): string | undefined {
  const consent = intent.claims[ClaimName.consent]?.value
  const from = isRecord(consent) ? consent.transactionFromDateTime : undefined
  if (typeof from !== 'string') return undefined
  const requested = Date.parse(from)
  // A malformed date is refused by the claims rules before any bank is chosen.
  if (Number.isNaN(requested)) return undefined
  const earliest = earliestTransactionFrom(now, bankHistoryLimits(bank))
  if (requested >= earliest.getTime()) return undefined
  return `transactionFromDateTime is earlier than ${bank.name} allows; the earliest is ${earliest.toISOString()}`
}
