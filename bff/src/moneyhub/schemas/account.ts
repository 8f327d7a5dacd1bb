/** Moneyhub account and balance (data API v3, docs/moneyhub-protocol.md §9.3). */
import { z } from 'zod'
import { mhAmountSchema } from './envelope'

export const mhBalanceSchema = z.looseObject({
  date: z.string().optional(),
  amount: mhAmountSchema,
})
export type MhBalance = z.infer<typeof mhBalanceSchema>

export const mhAccountSchema = z.looseObject({
  id: z.string(),
  accountName: z.string().optional(),
  currency: z.string().optional(),
  balance: mhBalanceSchema.optional(),
  type: z.string().optional(),
  accountType: z.string().optional(),
  providerName: z.string().optional(),
  providerId: z.string().optional(),
  connectionId: z.string().optional(),
  dateAdded: z.string().optional(),
  dateModified: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type MhAccount = z.infer<typeof mhAccountSchema>
