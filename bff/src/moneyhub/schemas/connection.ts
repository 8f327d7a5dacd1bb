/** Moneyhub user connection and sync result (docs/moneyhub-protocol.md §9.6). */
import { z } from 'zod'

export const mhConnectionSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  type: z.string().optional(),
  connectedOn: z.string().nullish(),
  lastUpdated: z.string().nullish(),
  expiresAt: z.string().nullish(),
  accountIds: z.array(z.string()).optional(),
  status: z.string().optional(),
  error: z.string().nullish(),
  extendedStatus: z.string().nullish(),
})
export type MhConnection = z.infer<typeof mhConnectionSchema>

export const mhSyncResultSchema = z.looseObject({
  status: z.string(),
})
export type MhSyncResult = z.infer<typeof mhSyncResultSchema>
