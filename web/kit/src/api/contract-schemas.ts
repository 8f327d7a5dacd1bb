// The response checks of the BFF client: the shared contract schemas (and zod with them) of the
// session, connect and data routes; the payment routes' are in payment-schemas.ts. The
// client loads this module with a dynamic `import()`, so bundlers put it, zod and the schemas in
// a separate chunk that downloads alongside the first request instead of with the app's initial
// JavaScript. Nothing is skipped: the client awaits this module before it returns any answer.
// Import order matters: zod-jitless must evaluate before @mhkit/shared builds its schemas.
import { zodJitless } from './zod-jitless'
import {
  accountListResponseSchema,
  accountResponseSchema,
  bankListResponseSchema,
  connectionListResponseSchema,
  connectResponseSchema,
  errorBodySchema,
  flowResponseSchema,
  logoutResponseSchema,
  sessionResponseSchema,
  transactionPageSchema,
} from '@mhkit/shared'

/** The shared response schemas the kit validates BFF answers with, by contract name. */
export const contractSchemas = {
  session: sessionResponseSchema,
  banks: bankListResponseSchema,
  accounts: accountListResponseSchema,
  account: accountResponseSchema,
  transactions: transactionPageSchema,
  connections: connectionListResponseSchema,
  flow: flowResponseSchema,
  connect: connectResponseSchema,
  logout: logoutResponseSchema,
} as const

/** The error body every BFF error answer carries (`{ error: { code, message, … } }`). */
export { errorBodySchema }

/**
 * Whether zod was switched to jitless mode before the schemas above were built. Exported so the
 * `zod-jitless` import is kept (and evaluated first) by any bundler.
 *
 * @public
 */
export const jitless = zodJitless
