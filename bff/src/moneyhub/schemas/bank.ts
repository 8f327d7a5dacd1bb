/** Entry of a well-known bank list (bare array; docs/moneyhub-protocol.md §9.8). */
import { z } from 'zod'

const historyLimit = (max: number) => z.int().min(0).max(max).optional().catch(undefined)

export const mhBankSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string().optional(),
  iconUrl: z.string().optional(),
  payments: z.array(z.string()).optional(),
  status: z.looseObject({ sync: z.string().optional(), auth: z.string().optional() }).optional(),
  // The bank's own history limit (docs/moneyhub-protocol.md §4.3): one or the other when Moneyhub
  // knows it. An odd value is dropped rather than the whole list; the 72-month rule still applies
  // then.
  monthsInitialConsent: historyLimit(1200),
  daysInitialConsent: historyLimit(36_500),
})
export type MhBank = z.infer<typeof mhBankSchema>
