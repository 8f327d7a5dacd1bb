/**
 * One entry of `claims.id_token`: `{ essential?: boolean, value?: … }`
 * (docs/moneyhub-protocol.md §4.1, OIDC Core §5.5.1).
 */
import { z } from 'zod'

/** A claim request entry. Moneyhub sends `essential: true` on almost every claim. */
export interface ClaimEntry<Value = unknown> {
  essential?: boolean | undefined
  value?: Value | undefined
}

/** Entry schema with an optional value. */
export function optionalValueEntry<Value extends z.ZodType>(value: Value) {
  return z.strictObject({ essential: z.boolean().optional(), value: value.optional() })
}

/** Entry schema whose value is required (claims that mean nothing without one). */
export function requiredValueEntry<Value extends z.ZodType>(value: Value) {
  return z.strictObject({ essential: z.boolean().optional(), value })
}

/**
 * Entry schema for claims this package does not model (the escape hatch): `essential`,
 * `value` and OIDC's `values`. Values are not inspected beyond that.
 */
export const genericClaimEntrySchema = z.strictObject({
  essential: z.boolean().optional(),
  value: z.unknown().optional(),
  values: z.array(z.unknown()).max(100).optional(),
})
