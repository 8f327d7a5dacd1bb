/** Moneyhub response envelopes and the data-API error body (docs/moneyhub-protocol.md §9.2). */
import { z } from 'zod'

/** `links` of a list envelope; `self` is required whenever `links` is present. */
const linksSchema = z.looseObject({
  self: z.string(),
  next: z.string().optional(),
  prev: z.string().optional(),
})

const metaSchema = z.record(z.string(), z.unknown()).optional()

function buildEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ data, links: linksSchema.optional(), meta: metaSchema })
}

// Building a zod schema is far dearer than running it: zod 4 compiles a fast path for each
// object schema on its first parse, so a schema made per call pays that compile on every call
// (measured ≈ 1 ms of CPU per data-API call). One envelope per item schema, kept for the life
// of the item schema.
const envelopes = new WeakMap<z.ZodType, ReturnType<typeof buildEnvelope>>()

/** `{ data: T }` with optional `links` and `meta`, as parsed. */
export interface MhEnvelope<T> {
  data: T
  links?: z.infer<typeof linksSchema>
  meta?: Record<string, unknown>
}

/**
 * `{ data: T }` with optional `links` and `meta` (docs/moneyhub-protocol.md §9.2). Built once per
 * `data` schema and reused, so pass a module-level schema (not one made per call) to benefit.
 *
 * @param data - the schema of the `data` member
 * @returns the envelope schema (the same object for the same `data` schema)
 */
export function envelopeSchema<T extends z.ZodType>(data: T): z.ZodType<MhEnvelope<z.output<T>>> {
  let envelope = envelopes.get(data)
  if (envelope === undefined) {
    envelope = buildEnvelope(data)
    envelopes.set(data, envelope)
  }
  // Keyed by the data schema: the envelope found is the one built from `data`.
  return envelope as z.ZodType<MhEnvelope<z.output<T>>>
}

const lists = new WeakMap<z.ZodType, z.ZodArray>()

/**
 * `z.array(item)`, built once per item schema and reused (see {@link envelopeSchema} for why).
 *
 * @param item - the schema of one element
 * @returns the array schema (the same object for the same `item` schema)
 */
export function listSchema<T extends z.ZodType>(item: T): z.ZodArray<T> {
  let list = lists.get(item)
  if (list === undefined) {
    list = z.array(item)
    lists.set(item, list)
  }
  return list as z.ZodArray<T>
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
export type MhPage<T> = MhEnvelope<T[]>

/** Money as Moneyhub sends it: integer minor units (docs/moneyhub-protocol.md §9.2). */
export const mhAmountSchema = z.looseObject({
  value: z.number(),
  currency: z.string().optional(),
})
