import type { Context } from 'hono'

import type { AppEnv } from '../context'
import { hashId, safeEqual } from '../session/ids'
import type { Store } from '../session/store'
import { requireUser, type UserBinding } from '../user-binding'
import type {
  PaymentDetails,
  RecurringPaymentDetails,
  StandingOrderDetails,
} from './payment-intents'

/** How long the BFF remembers who started a payment resource (13 months). */
const LEDGER_TTL_MS = 395 * 24 * 60 * 60 * 1000
/** Newest entries an owner's list keeps (and `GET` lists show). */
const LEDGER_LIST_MAX = 50

interface DetailsOf {
  payment: PaymentDetails
  recurring_payment: RecurringPaymentDetails
  standing_order: StandingOrderDetails
}
/** The kinds of payment resource the ledger tracks. */
type LedgerKind = keyof DetailsOf

/** One payment resource this BFF started, with who may see it and what was authorised. */
export interface LedgerEntry<K extends LedgerKind = LedgerKind> {
  kind: K
  /** Moneyhub's id of the payment, VRP consent or standing order. */
  id: string
  /** Store key (hash) of the session that started it. */
  sessionHash: string
  /** The Moneyhub user bound when it started (a signed-in payer). */
  sub?: string
  createdAt: number
  details: DetailsOf[K]
}

/** Who asks: the request's session and its bound Moneyhub user. */
export interface PaymentOwner {
  sessionHash?: string
  sub?: string
}

/**
 * The owner of a request: its session and bound user; without either, a 401, as for any
 * route that needs a session.
 *
 * @throws AppError `unauthenticated` | `session_expired`
 */
export async function requestOwner(
  c: Context<AppEnv>,
  s: { userBinding: UserBinding },
): Promise<PaymentOwner> {
  const session = c.var.session
  const sub = await s.userBinding.get(c)
  if (session === undefined && sub === undefined) await requireUser(c, s.userBinding)
  return {
    ...(session === undefined ? {} : { sessionHash: hashId(session.id) }),
    ...(sub === undefined ? {} : { sub }),
  }
}

function visibleTo(entry: LedgerEntry, owner: PaymentOwner): boolean {
  if (owner.sessionHash !== undefined && safeEqual(owner.sessionHash, entry.sessionHash)) {
    return true
  }
  return owner.sub !== undefined && entry.sub !== undefined && owner.sub === entry.sub
}

/**
 * Which payments, VRP consents and standing orders this BFF started, and for whom: the only
 * source of what a browser may see or act on. Moneyhub's own lists are client-wide, so a
 * resource id alone proves nothing; an id started elsewhere is answered exactly as a missing
 * one (issue 10, docs/security.md LL2: an id travels in URLs).
 */
export interface PaymentLedger {
  /** Records a resource after its authorisation, under its session and user. */
  record<K extends LedgerKind>(entry: LedgerEntry<K>): Promise<void>
  /** The resource when the owner may see it; undefined for a missing one or another's. */
  find<K extends LedgerKind>(
    owner: PaymentOwner,
    kind: K,
    id: string,
  ): Promise<LedgerEntry<K> | undefined>
  /** The owner's resources of one kind, newest first, at most {@link LEDGER_LIST_MAX}. */
  list<K extends LedgerKind>(owner: PaymentOwner, kind: K): Promise<LedgerEntry<K>[]>
  /** Writes back an entry's details (e.g. a revoked VRP consent). */
  update<K extends LedgerKind>(entry: LedgerEntry<K>): Promise<void>
  /**
   * Moves a session's resources to the session that replaced it (a sign-in issues a new
   * session id, docs/security.md S4), so the browser keeps seeing what it paid before.
   */
  carryOver(fromSessionHash: string, toSessionHash: string): Promise<void>
}

/**
 * Creates the {@link PaymentLedger} over a {@link Store}: `payres:<kind>:<id>` per resource,
 * and `payidx:<kind>:s:<sessionHash>` / `payidx:<kind>:u:<sha256(sub)>` lists of ids, appended
 * under a store lock so two flows finishing at once both land.
 *
 * @param store - any store
 */
export function createPaymentLedger(store: Store): PaymentLedger {
  const key = (kind: LedgerKind, id: string) => `payres:${kind}:${id}`
  const indexKeys = (kind: LedgerKind, owner: PaymentOwner): string[] => [
    ...(owner.sessionHash === undefined ? [] : [`payidx:${kind}:s:${owner.sessionHash}`]),
    ...(owner.sub === undefined ? [] : [`payidx:${kind}:u:${hashId(owner.sub)}`]),
  ]
  const readIndex = async (index: string): Promise<string[]> => {
    const raw = await store.get(index)
    return raw === undefined ? [] : (JSON.parse(raw) as string[])
  }

  async function append(index: string, id: string): Promise<void> {
    // A lock is held for a store round trip or two; a few attempts outlast any holder.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const lock = await store.lock(`${index}:lock`, 2_000)
      if (lock === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        continue
      }
      try {
        const ids = (await readIndex(index)).filter((known) => known !== id)
        ids.unshift(id)
        await store.set(index, JSON.stringify(ids.slice(0, LEDGER_LIST_MAX)), LEDGER_TTL_MS)
      } finally {
        await lock.release()
      }
      return
    }
    throw new Error('payment ledger index stayed locked')
  }

  async function get<K extends LedgerKind>(kind: K, id: string) {
    const raw = await store.get(key(kind, id))
    return raw === undefined ? undefined : (JSON.parse(raw) as LedgerEntry<K>)
  }

  return {
    async record(entry) {
      await store.set(key(entry.kind, entry.id), JSON.stringify(entry), LEDGER_TTL_MS)
      for (const index of indexKeys(entry.kind, entry)) await append(index, entry.id)
    },
    async find(owner, kind, id) {
      const entry = await get(kind, id)
      return entry !== undefined && visibleTo(entry, owner) ? entry : undefined
    },
    async list(owner, kind) {
      const ids = new Set<string>()
      for (const index of indexKeys(kind, owner)) {
        for (const id of await readIndex(index)) ids.add(id)
      }
      const entries: LedgerEntry<typeof kind>[] = []
      for (const id of ids) {
        const entry = await get(kind, id)
        if (entry !== undefined && visibleTo(entry, owner)) entries.push(entry)
      }
      return entries.sort((a, b) => b.createdAt - a.createdAt).slice(0, LEDGER_LIST_MAX)
    },
    update: (entry) => store.set(key(entry.kind, entry.id), JSON.stringify(entry), LEDGER_TTL_MS),
    async carryOver(from, to) {
      for (const kind of ['payment', 'recurring_payment', 'standing_order'] as const) {
        const fromIndex = `payidx:${kind}:s:${from}`
        // Oldest first, so the new session's list keeps the newest on top.
        for (const id of (await readIndex(fromIndex)).reverse()) {
          const entry = await get(kind, id)
          if (entry?.sessionHash !== from) continue
          const moved = { ...entry, sessionHash: to }
          await store.set(key(kind, id), JSON.stringify(moved), LEDGER_TTL_MS)
          await append(`payidx:${kind}:s:${to}`, id)
        }
        await store.delete(fromIndex)
      }
    },
  }
}
