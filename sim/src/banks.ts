/** The kind of connection a bank offers, as Moneyhub's bank lists label it. */
export type SimBankType = 'api' | 'legacy' | 'test'

/** A bank the simulator can connect to, shaped like an entry of Moneyhub's bank lists. */
export interface SimBank {
  /** Moneyhub bank id (32 hex characters); `id:<id>` in a scope goes straight to this bank. */
  readonly id: string
  readonly name: string
  readonly type: SimBankType
  readonly bankRef: string
  /** Whether the bank takes single payments, standing orders and VRP consents. */
  readonly payments: boolean
  /**
   * How far back the bank gives transactions at a first connection, in months or in days (a
   * bank lists one or the other, as Moneyhub's bank lists do; docs/moneyhub-protocol.md §4.3,
   * §9.8).
   */
  readonly monthsInitialConsent?: number
  readonly daysInitialConsent?: number
}

/** Bank id of "Moneyhub Open Banking Mock", Moneyhub's own test bank. */
export const MOCK_BANK_ID = '1ffe704d39629a929c8e293880fb449a'

/**
 * The simulator's test banks. Ids are stable so tests and fixtures can name them; the mock bank
 * honours Moneyhub's payment-reference conventions (`INVALID REQUEST`, `INVALID SUBMISSION`).
 */
export const SIM_BANKS: readonly SimBank[] = [
  {
    id: MOCK_BANK_ID,
    name: 'Moneyhub Open Banking Mock',
    type: 'test',
    bankRef: 'moneyhub-mock',
    payments: true,
    monthsInitialConsent: 24,
  },
  {
    id: '5c3a1e0b9d7f4a2e8b6c0d1f2e3a4b5c',
    name: 'Northwind Bank',
    type: 'api',
    bankRef: 'northwind-bank',
    payments: true,
    monthsInitialConsent: 12,
  },
  {
    id: '8e2d4f6a1b3c5d7e9f0a2b4c6d8e0f1a',
    name: 'Harbour Building Society',
    type: 'api',
    bankRef: 'harbour-building-society',
    payments: true,
    monthsInitialConsent: 24,
  },
  {
    id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    name: 'Thistle Card Services',
    type: 'api',
    bankRef: 'thistle-card-services',
    payments: false,
    daysInitialConsent: 90,
  },
  {
    id: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
    name: 'Old Town Savings (legacy)',
    type: 'legacy',
    bankRef: 'old-town-savings',
    payments: false,
    monthsInitialConsent: 12,
  },
]

/**
 * Find a simulator bank by id.
 *
 * @param id - Moneyhub bank id.
 * @returns The bank, or `undefined` when the id is not one of {@link SIM_BANKS}.
 */
export function findBank(id: string): SimBank | undefined {
  return SIM_BANKS.find((bank) => bank.id === id)
}

/**
 * The banks an `id:*` scope offers in the chooser: `all`, `api`, `legacy`, `test`, or one bank.
 *
 * @param set - The part after `id:`, or `undefined` when the request named no bank set.
 * @returns The banks to offer (every bank for `all` or no set).
 */
export function banksForSet(set: string | undefined): SimBank[] {
  if (set === undefined || set === 'all') return [...SIM_BANKS]
  if (set === 'api' || set === 'legacy' || set === 'test') {
    return SIM_BANKS.filter((bank) => bank.type === set)
  }
  const bank = findBank(set)
  return bank ? [bank] : []
}

/**
 * A bank's history limits in the form the shared consent rules take.
 *
 * @param bank - A simulator bank.
 * @returns `monthsInitialConsent` and `daysInitialConsent`, each only when the bank has it.
 */
export function bankHistoryLimits(bank: SimBank): {
  monthsInitialConsent?: number
  daysInitialConsent?: number
} {
  return {
    ...(bank.monthsInitialConsent === undefined
      ? {}
      : { monthsInitialConsent: bank.monthsInitialConsent }),
    ...(bank.daysInitialConsent === undefined
      ? {}
      : { daysInitialConsent: bank.daysInitialConsent }),
  }
}
