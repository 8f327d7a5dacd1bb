/** Moneyhub user (identity REST; bare, not enveloped — docs/moneyhub-protocol.md §9.5). */
import { z } from 'zod'

export const mhUserSchema = z.looseObject({
  userId: z.string(),
  clientUserId: z.string().nullish(),
  clientId: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  connectionIds: z.array(z.string()).optional(),
  userType: z.string().optional(),
})
export type MhUser = z.infer<typeof mhUserSchema>
