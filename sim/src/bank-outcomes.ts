import { z } from 'zod'

/**
 * What the bank does with the next payments submitted to it (single payments, refunds and VRP
 * payments), as the admin API takes it: settle (`completed`), `rejected`, or
 * `insufficient_funds`; immediately or after `settleAfterSeconds` on the simulator clock (the
 * payment is `pending` until then); for `times` payments (default: until cleared).
 */
export const bankOutcomeSchema = z.strictObject({
  outcome: z.enum(['completed', 'rejected', 'insufficient_funds']).default('completed'),
  settleAfterSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3600)
    .default(0),
  times: z.number().int().min(1).max(100_000).optional(),
})

/** A bank outcome as the admin API takes it. */
export type BankOutcomeInput = z.input<typeof bankOutcomeSchema>

/** What the bank does with one submitted payment. */
export interface BankOutcome {
  outcome: 'completed' | 'rejected' | 'insufficient_funds'
  settleAfterSeconds: number
}

/**
 * The queue of injected bank outcomes of one simulator. Without one, the bank settles every
 * payment at once (the mock bank's own magic references aside).
 */
export class BankOutcomes {
  private queue: (BankOutcome & { remaining: number })[] = []

  /** Add an outcome behind those already queued. */
  add(input: z.infer<typeof bankOutcomeSchema>): void {
    this.queue.push({
      outcome: input.outcome,
      settleAfterSeconds: input.settleAfterSeconds,
      remaining: input.times ?? Infinity,
    })
  }

  /** Forget every queued outcome. */
  clear(): void {
    this.queue = []
  }

  /**
   * Take the outcome of the next submitted payment.
   *
   * @returns The first queued outcome (using one of its `times`), else settle at once.
   */
  next(): BankOutcome {
    const head = this.queue[0]
    if (!head) return { outcome: 'completed', settleAfterSeconds: 0 }
    head.remaining -= 1
    if (head.remaining <= 0) this.queue.shift()
    return { outcome: head.outcome, settleAfterSeconds: head.settleAfterSeconds }
  }

  /** Whether the next payment would fail for lack of funds (funds confirmation answers this). */
  fundsShort(): boolean {
    return this.queue[0]?.outcome === 'insufficient_funds'
  }
}
