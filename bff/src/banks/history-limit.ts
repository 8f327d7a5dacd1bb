import { earliestTransactionFrom, type Bank } from '@mhkit/shared'

import { AppError } from '../errors'
import type { BankCatalog } from './bank-catalog'

const DAY_MS = 86_400_000

/** The first whole UTC day at or after `instant` (the instant itself when it is a midnight). */
function firstWholeUtcDay(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / DAY_MS) * DAY_MS)
}

/**
 * Refuses a `transactionFromDateTime` earlier than the later of 72 months before `now` and the
 * bank's `monthsInitialConsent` / `daysInitialConsent` (docs/moneyhub-protocol.md §4.3).
 *
 * @param transactionFromDateTime - the requested date (an ISO date-time the request schema accepted).
 * @param now - the BFF clock.
 * @param limits - the bank's limits; none for the 72-month rule alone.
 * @throws AppError `transaction_from_too_early` whose message and `earliestTransactionFrom` name
 *   the first whole UTC day allowed (valid for the rest of the day, unlike the exact instant).
 */
function assertTransactionFromAllowed(
  transactionFromDateTime: string,
  now: Date,
  limits: Pick<Bank, 'monthsInitialConsent' | 'daysInitialConsent'> = {},
): void {
  const earliest = earliestTransactionFrom(now, {
    ...(limits.monthsInitialConsent === undefined
      ? {}
      : { monthsInitialConsent: limits.monthsInitialConsent }),
    ...(limits.daysInitialConsent === undefined
      ? {}
      : { daysInitialConsent: limits.daysInitialConsent }),
  })
  if (Date.parse(transactionFromDateTime) >= earliest.getTime()) return
  const allowed = firstWholeUtcDay(earliest).toISOString()
  throw new AppError('transaction_from_too_early', {
    message: `consent.transactionFromDateTime is earlier than this bank allows; the earliest is ${allowed}. Ask from that date or later, or leave it out.`,
    earliestTransactionFrom: allowed,
    reason: 'history_limit',
  })
}

/**
 * The history-limit check of a connect, before any PAR: the 72-month rule first (no upstream
 * call), then, when the request names a bank, that bank's own limit from the bank catalog
 * (Moneyhub's well-known lists, cached; a bank missing from them has only the 72-month rule).
 *
 * @param deps.banks - the bank catalog.
 * @param input.transactionFromDateTime - the requested date, if any.
 * @param input.bankId - the bank the connect names, if any.
 * @param input.now - the BFF clock.
 * @throws AppError `transaction_from_too_early`; the catalog's upstream codes when the bank
 *   list cannot be read and nothing is cached.
 */
export async function checkHistoryLimit(
  deps: { banks: BankCatalog },
  input: { transactionFromDateTime: string | undefined; bankId: string | undefined; now: Date },
): Promise<void> {
  const { transactionFromDateTime, bankId, now } = input
  if (transactionFromDateTime === undefined) return
  assertTransactionFromAllowed(transactionFromDateTime, now)
  if (bankId === undefined) return
  const bank = (await deps.banks.list('ais')).find((b) => b.id === bankId)
  if (bank !== undefined) assertTransactionFromAllowed(transactionFromDateTime, now, bank)
}
