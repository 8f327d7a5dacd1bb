import { z } from 'zod'
import { bankIdSchema, connectionIdSchema, flowIdSchema, isoDateTimeSchema } from './common'
import { returnToSchema } from './return-to'

/**
 * What a connect flow does (docs/moneyhub-protocol.md §4.2, §4.5): `ais` connects a new bank;
 * `reauth`, `reconsent` and `refresh` act on an existing connection of the session.
 */
export const connectKindSchema = z.enum(['ais', 'reauth', 'reconsent', 'refresh'])
/** What a connect flow does. */
export type ConnectKind = z.infer<typeof connectKindSchema>

/** Extra Open Banking permissions a consent may ask for (docs/moneyhub-protocol.md §4.3). */
export const consentPermissionSchema = z.enum([
  'ReadStandingOrdersBasic',
  'ReadStandingOrdersDetail',
  'ReadBeneficiariesDetail',
  'ReadAccountsDetail',
  'ReadAccountsBasic',
  'ReadTransactionsCredits',
  'ReadTransactionsDebits',
  'ReadTransactionsDetail',
  'ReadProducts',
  'ReadBalances',
  'ReadParty',
  'ReadStatementsBasic',
  'ReadStatementsDetail',
])
/** An extra Open Banking permission. */
export type ConsentPermission = z.infer<typeof consentPermissionSchema>

/**
 * The consent window the browser may ask for; the BFF turns it into the `mh:consent` claim
 * with the shared claims builder, which enforces the clock-dependent limits (at most 90 days
 * ahead, not before the provider's history limit) and answers `invalid_request` otherwise.
 */
export const connectConsentSchema = z.strictObject({
  expirationDateTime: isoDateTimeSchema.optional(),
  transactionFromDateTime: isoDateTimeSchema.optional(),
  permissions: z
    .array(consentPermissionSchema)
    .min(1)
    .max(13)
    .refine((list) => new Set(list).size === list.length, 'permissions must not repeat')
    .optional(),
})
/** The consent window of a connect request. */
export type ConnectConsent = z.infer<typeof connectConsentSchema>

/**
 * Body of `POST /api/connect`. Cross-field rules:
 * - `ais` (the default): no `connectionId`; `bankId`, `consent`, `oneTime` optional.
 * - `reauth`, `reconsent`, `refresh`: `connectionId` required (one of the session's
 *   connections); no `bankId` (the bank is the connection's) and no `oneTime`.
 * - `consent` only for `ais`, and for `reconsent` only `consent.expirationDateTime`
 *   (Moneyhub's reconsent claim carries nothing else, docs/moneyhub-protocol.md §4.5).
 * `returnTo` (default `/`) is where the callback sends the browser afterwards.
 */
export const connectRequestSchema = z
  .strictObject({
    kind: connectKindSchema.default('ais'),
    bankId: bankIdSchema.optional(),
    connectionId: connectionIdSchema.optional(),
    consent: connectConsentSchema.optional(),
    /**
     * One-time access: no ongoing consent, data read once (docs/moneyhub-protocol.md §4.2 "use case
     * 1").
     */
    oneTime: z.boolean().optional(),
    returnTo: returnToSchema,
  })
  .check((ctx) => {
    const body = ctx.value
    const problem = (message: string, path: string) =>
      ctx.issues.push({ code: 'custom', message, path: [path], input: ctx.value })
    if (body.kind === 'ais') {
      if (body.connectionId !== undefined) {
        problem('connectionId is only for reauth, reconsent and refresh', 'connectionId')
      }
      return
    }
    if (body.connectionId === undefined) {
      problem(`connectionId is required for ${body.kind}`, 'connectionId')
    }
    if (body.bankId !== undefined) problem(`bankId is not allowed for ${body.kind}`, 'bankId')
    if (body.oneTime !== undefined) problem(`oneTime is not allowed for ${body.kind}`, 'oneTime')
    if (body.consent !== undefined) {
      const { expirationDateTime, ...rest } = body.consent
      if (body.kind !== 'reconsent') {
        problem(`consent is not allowed for ${body.kind}`, 'consent')
      } else if (expirationDateTime === undefined || Object.keys(rest).length > 0) {
        problem('reconsent takes only consent.expirationDateTime', 'consent')
      }
    }
  })
/** Body of `POST /api/connect`, as sent (defaults optional). */
export type ConnectRequestInput = z.input<typeof connectRequestSchema>
/** Body of `POST /api/connect`, after parsing (defaults filled in). */
export type ConnectRequest = z.infer<typeof connectRequestSchema>

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The authorisation URL the browser navigates to: `https://…`, or `http://` only for a loopback
 * host (the simulator). No user-info part, at most 4096 characters.
 */
export const authorizationUrlSchema = z
  .string()
  .max(4096)
  .check((ctx) => {
    const match = /^(https?):\/\/([^/?#\s]+)[/?#]?/.exec(ctx.value)
    const scheme = match?.[1]
    const authority = match?.[2] ?? ''
    const host = authority.replace(/:\d{1,5}$/, '').toLowerCase()
    const ok =
      match !== null &&
      !authority.includes('@') &&
      !/\s/.test(ctx.value) &&
      (scheme === 'https' || LOOPBACK_HOSTS.has(host))
    if (!ok) {
      ctx.issues.push({
        code: 'custom',
        message: 'url must be https (or http on a loopback host) with no user-info',
        input: ctx.value,
      })
    }
  })

/**
 * Response of `POST /api/connect` (and of the payment, standing-order and recurring-payment
 * starts): the flow id to poll, the URL to navigate to (Moneyhub's authorisation endpoint with
 * a PAR `request_uri`), and when the flow stops being usable.
 */
export const connectResponseSchema = z.strictObject({
  flowId: flowIdSchema,
  url: authorizationUrlSchema,
  expiresAt: isoDateTimeSchema,
})
/** Response of a flow start. */
export type ConnectResponse = z.infer<typeof connectResponseSchema>
