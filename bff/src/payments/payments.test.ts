import { describe, expect, it } from 'vitest'

import { createMemoryStore } from '../session/memory-store'
import { createIdempotency } from './idempotency'
import { createPaymentLedger, type LedgerEntry } from './payment-ledger'
import { paymentStatus } from './payment-mappers'
import { AppError } from '../errors'

const details = { amount: 100, payeeId: 'payee-1', payeeRef: 'A', payerRef: 'B' }
const entry = (id: string, owner: { sessionHash: string; sub?: string }, createdAt = 1) =>
  ({ kind: 'payment', id, ...owner, createdAt, details }) satisfies LedgerEntry<'payment'>

describe('paymentStatus (docs/moneyhub-protocol.md §9.7)', () => {
  it.each([
    ['inProgress', 'in_progress'],
    ['pending', 'pending'],
    ['completed', 'completed'],
    ['rejected', 'rejected'],
    ['cancelled', 'cancelled'],
    ['abandoned', 'abandoned'],
    ['error:paymentSubmission', 'failed'],
    ['error', 'failed'],
    ['somethingNew', 'pending'],
  ])('maps %s to %s', (mh, ours) => {
    expect(paymentStatus(mh)).toBe(ours)
  })
})

describe('payment ledger', () => {
  it('shows an entry to its session and to its user only', async () => {
    const ledger = createPaymentLedger(createMemoryStore())
    await ledger.record(entry('p1', { sessionHash: 'sess-a', sub: 'user-a' }))
    expect(await ledger.find({ sessionHash: 'sess-a' }, 'payment', 'p1')).toBeDefined()
    expect(
      await ledger.find({ sessionHash: 'sess-b', sub: 'user-a' }, 'payment', 'p1'),
    ).toBeDefined()
    expect(await ledger.find({ sessionHash: 'sess-b' }, 'payment', 'p1')).toBeUndefined()
    expect(await ledger.find({ sub: 'user-b' }, 'payment', 'p1')).toBeUndefined()
    expect(await ledger.find({}, 'payment', 'p1')).toBeUndefined()
    // The same id under another kind is another resource.
    expect(await ledger.find({ sessionHash: 'sess-a' }, 'standing_order', 'p1')).toBeUndefined()
  })

  it('lists an owner’s entries newest first, each once, from session and user', async () => {
    const ledger = createPaymentLedger(createMemoryStore())
    await ledger.record(entry('old', { sessionHash: 's1', sub: 'u' }, 1))
    await ledger.record(entry('new', { sessionHash: 's2', sub: 'u' }, 2))
    await ledger.record(entry('theirs', { sessionHash: 's3' }, 3))
    const listed = await ledger.list({ sessionHash: 's1', sub: 'u' }, 'payment')
    expect(listed.map((e) => e.id)).toEqual(['new', 'old'])
  })

  it('keeps every entry when several are recorded at once', async () => {
    const ledger = createPaymentLedger(createMemoryStore())
    const ids = Array.from({ length: 8 }, (_, i) => `p${i}`)
    await Promise.all(ids.map((id, i) => ledger.record(entry(id, { sessionHash: 's' }, i))))
    const listed = await ledger.list({ sessionHash: 's' }, 'payment')
    expect(listed.map((e) => e.id).sort()).toEqual([...ids].sort())
  })
})

describe('idempotency', () => {
  it('runs once per key and body, replays the result, refuses another body with the key', async () => {
    const idem = createIdempotency(createMemoryStore())
    let runs = 0
    const run = () => Promise.resolve({ n: ++runs })
    const first = await idem.once('vrp-1', 'key-1', { amount: 1 }, run)
    const again = await idem.once('vrp-1', 'key-1', { amount: 1 }, run)
    expect(first).toEqual({ status: 200, body: { n: 1 }, replayed: false })
    expect(again).toEqual({ status: 200, body: { n: 1 }, replayed: true })
    const reused = await idem.once('vrp-1', 'key-1', { amount: 2 }, run).catch((e: unknown) => e)
    expect((reused as AppError).code).toBe('idempotency_key_reused')
    // The key is scoped to its consent.
    expect((await idem.once('vrp-2', 'key-1', { amount: 2 }, run)).body).toEqual({ n: 2 })
    expect(runs).toBe(2)
  })

  it('replays a failure without running again', async () => {
    const idem = createIdempotency(createMemoryStore())
    let runs = 0
    const fail = () => {
      runs += 1
      return Promise.reject(new AppError('recurring_payment_limit_exceeded'))
    }
    for (let i = 0; i < 2; i += 1) {
      const error = await idem.once('vrp', 'key', {}, fail).catch((e: unknown) => e)
      expect((error as AppError).code).toBe('recurring_payment_limit_exceeded')
      expect((error as AppError).status).toBe(422)
    }
    expect(runs).toBe(1)
  })

  it('answers 409 idempotency_key_in_progress while the first request runs', async () => {
    const idem = createIdempotency(createMemoryStore())
    let finish: (value: unknown) => void = () => undefined
    const gate = new Promise((resolve) => {
      finish = resolve
    })
    const first = idem.once('vrp', 'key', {}, () => gate)
    const second = await idem
      .once('vrp', 'key', {}, () => Promise.resolve('x'))
      .catch((e: unknown) => e)
    expect((second as AppError).code).toBe('idempotency_key_in_progress')
    finish('done')
    expect((await first).body).toBe('done')
  })
})
