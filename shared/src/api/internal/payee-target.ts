import type { z } from 'zod'
import { payeeIdSchema } from '../common'
import { newPayeeSchema, type NewPayee } from '../payee'

/** The two ways of naming who is paid; exactly one must be used. */
export const payeeTargetShape = {
  payeeId: payeeIdSchema.optional(),
  payee: newPayeeSchema.optional(),
}

/**
 * Adds an issue unless exactly one of `payeeId` and `payee` is present
 * (docs/moneyhub-protocol.md §4.6: "one is required"; both would be ambiguous).
 *
 * @param value - the parsed body.
 * @param issues - the zod check context's issue list.
 */
export function checkOnePayee(
  value: { payeeId?: string | undefined; payee?: NewPayee | undefined },
  issues: z.core.$ZodRawIssue[],
): void {
  if ((value.payeeId === undefined) === (value.payee === undefined)) {
    issues.push({
      code: 'custom',
      message: 'give exactly one of payeeId and payee',
      path: ['payeeId'],
      input: value,
    })
  }
}
