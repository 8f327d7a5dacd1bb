/**
 * The small AIS claims: `mh:cat_type`, `mh:sync`, `mh:account_verification`
 * (docs/moneyhub-protocol.md §4.4), and the value shapes of `sub` and `mh:con_id` (§4.2, §4.5).
 *
 * @see https://docs.moneyhubenterprise.com/docs/claims
 */
import { z } from 'zod'

/** `mh:cat_type`: which category set Moneyhub applies to the connection's transactions. */
export const categoryTypeClaimValueSchema = z.enum(['personal', 'business'])
/** The `mh:cat_type` value. */
export type CategoryTypeClaimValue = z.output<typeof categoryTypeClaimValueSchema>

/** `mh:sync`: finish the connection without waiting for the first data fetch. */
export const syncClaimValueSchema = z.strictObject({ enableAsync: z.boolean() })
/** The `mh:sync` value. */
export type SyncClaimValue = z.output<typeof syncClaimValueSchema>

/** `mh:account_verification`: ask for account verification on the connection. */
export const accountVerificationClaimValueSchema = z.strictObject({
  accVerification: z.literal(true),
})
/** The `mh:account_verification` value. */
export type AccountVerificationClaimValue = z.output<typeof accountVerificationClaimValueSchema>

/**
 * `sub` value: a Moneyhub user id (24 hex characters in Moneyhub's examples). Only the shape
 * "1–64 visible ASCII characters" is checked, since one-time `sub` values are undocumented.
 */
export const subClaimValueSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, { error: 'must be visible ASCII characters without spaces' })

/**
 * `mh:con_id` value: a connection id, `<bankId>:<id>` such as
 * `b74f1a79f0be8bdb857d82d0f041d7d2:0f1aa7c1-6379-483a-bfd8-ae0a208fb635` (§4.5).
 */
export const connectionIdClaimValueSchema = z
  .string()
  .max(128)
  .regex(/^[\x21-\x39\x3b-\x7e]+:[\x21-\x7e]+$/, { error: 'must look like <bankId>:<id>' })
