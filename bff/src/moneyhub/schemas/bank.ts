/** Entry of a well-known bank list (bare array; protocol §9.8). */
import { z } from 'zod'

export const mhBankSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string().optional(),
  iconUrl: z.string().optional(),
  payments: z.array(z.string()).optional(),
  status: z.looseObject({ sync: z.string().optional(), auth: z.string().optional() }).optional(),
})
export type MhBank = z.infer<typeof mhBankSchema>
