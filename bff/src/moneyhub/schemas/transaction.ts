/** Moneyhub transaction (data API v3, docs/moneyhub-protocol.md §9.4). */
import { z } from 'zod'
import { mhAmountSchema } from './envelope'

export const mhTransactionSchema = z.looseObject({
  id: z.string(),
  accountId: z.string().optional(),
  amount: mhAmountSchema,
  categoryId: z.string().optional(),
  date: z.string(),
  longDescription: z.string().optional(),
  shortDescription: z.string().optional(),
  status: z.string().optional(),
})
export type MhTransaction = z.infer<typeof mhTransactionSchema>
