// Ids only (public bank ids, nothing about the person or their accounts), under one kit key.
const KEY = 'mhkit:recent-banks'
const MAX = 3
const BANK_ID = /^[0-9a-f]{32}$/

/**
 * The banks this browser picked or connected most recently, newest first (at most three).
 * Storage that is missing, blocked or holds anything unexpected reads as none.
 */
export function readRecentBanks(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(saved)
      ? saved.filter((id): id is string => typeof id === 'string' && BANK_ID.test(id)).slice(0, MAX)
      : []
  } catch {
    return []
  }
}

/**
 * Puts a bank first in the recent banks, keeping at most three.
 *
 * @param bankId - the bank's id; anything that is not a bank id is ignored
 * @returns the new list
 */
export function rememberRecentBank(bankId: string): string[] {
  const current = readRecentBanks()
  if (!BANK_ID.test(bankId)) return current
  const next = [bankId, ...current.filter((id) => id !== bankId)].slice(0, MAX)
  try {
    localStorage.setItem(KEY, JSON.stringify(next))
  } catch {
    // Private mode or a full quota: the list lives for this page only.
  }
  return next
}
