export { envelopeSchema, listSchema, apiErrorSchema, oauthErrorSchema } from './envelope'
export type { MhPage } from './envelope'
export { mhUserSchema } from './user'
export type { MhUser } from './user'
export { mhConnectionSchema, mhSyncResultSchema } from './connection'
export type { MhConnection, MhSyncResult } from './connection'
export { mhAccountSchema, mhBalanceSchema } from './account'
export type { MhAccount, MhBalance } from './account'
export { mhTransactionSchema } from './transaction'
export type { MhTransaction } from './transaction'
export {
  mhPayeeSchema,
  mhPaymentSchema,
  mhStandingOrderRequestSchema,
  mhRecurringPaymentSchema,
  mhRecurringPaymentResultSchema,
  mhFundsConfirmationSchema,
} from './payment'
export type {
  MhPayee,
  MhPayment,
  MhStandingOrderRequest,
  MhRecurringPayment,
  MhRecurringPaymentResult,
  MhFundsConfirmation,
} from './payment'
export { mhBankSchema } from './bank'
export type { MhBank } from './bank'
