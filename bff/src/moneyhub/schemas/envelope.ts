/** Moneyhub response envelopes and the data-API error body (protocol §9.2). */
import { z } from 'zod'

/** `links` of a list envelope; `self` is required whenever `links` is present. */
export const linksSchema = z.looseObject({
  self: z.string(),
  next: z.string().optional(),
  prev: z.string().optional(),
})

/** `{ data: T }` with optional `links` and `meta`. */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.looseObject({
    data,
    links: linksSchema.optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
}

/** Data-API error body `{ code, message?, correlationId?, details? }`. */
export const apiErrorSchema = z.looseObject({
  code: z.union([z.string(), z.number()]).transform(String),
  message: z.string().optional(),
  correlationId: z.string().optional(),
})

/** OAuth-style error body some identity endpoints use. */
export const oauthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
})

/** A page of a list call. */
export interface MhPage<T> {
  data: T[]
  links?: z.infer<typeof linksSchema>
  meta?: Record<string, unknown>
}

/** Money as Moneyhub sends it: integer minor units (protocol §9.2). */
export const mhAmountSchema = z.looseObject({
  value: z.number(),
  currency: z.string().optional(),
})
