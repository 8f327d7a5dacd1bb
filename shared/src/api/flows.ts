import { z } from 'zod'
import { errorCodeSchema, ERROR_MESSAGE_MAX } from '../errors'
import {
  connectionIdSchema,
  flowIdSchema,
  paymentIdSchema,
  recurringPaymentIdSchema,
  standingOrderIdSchema,
} from './common'
import { paymentStatusSchema } from './payments'
import { returnToPathSchema } from './return-to'

/** Every kind of browser-started flow: the connect kinds plus the payment kinds. */
export const flowKindSchema = z.enum([
  'ais',
  'reauth',
  'reconsent',
  'refresh',
  'payment',
  'reverse_payment',
  'standing_order',
  'recurring_payment',
])
/** Kind of a flow. */
export type FlowKind = z.infer<typeof flowKindSchema>

/** Where a flow stands: waiting for the user at the bank, or finished one way or the other. */
export const flowStatusSchema = z.enum(['pending', 'succeeded', 'failed'])
/** Where a flow stands. */
export type FlowStatus = z.infer<typeof flowStatusSchema>

/**
 * What a succeeded flow produced; which field is set depends on `kind`. A `payment` flow sets
 * `paymentId` and the payment's `status` after the authorisation; a `reverse_payment` (refund)
 * flow sets the refund's own `paymentId` and `status`.
 */
export const flowResultSchema = z.strictObject({
  connectionId: connectionIdSchema.optional(),
  paymentId: paymentIdSchema.optional(),
  status: paymentStatusSchema.optional(),
  standingOrderId: standingOrderIdSchema.optional(),
  recurringPaymentId: recurringPaymentIdSchema.optional(),
})
/** What a succeeded flow produced. */
export type FlowResult = z.infer<typeof flowResultSchema>

/** Why a flow failed: a closed-list code (e.g. `access_denied`, `flow_expired`) and safe text. */
export const flowErrorSchema = z.strictObject({
  code: errorCodeSchema,
  message: z.string().min(1).max(ERROR_MESSAGE_MAX),
})
/** Why a flow failed. */
export type FlowError = z.infer<typeof flowErrorSchema>

/** Path parameters of `GET /api/flows/:flowId`. */
export const flowParamsSchema = z.strictObject({ flowId: flowIdSchema })
/** Path parameters of `GET /api/flows/:flowId`. */
export type FlowParams = z.infer<typeof flowParamsSchema>

/**
 * Response of `GET /api/flows/:flowId`. The stored outcome is kept for a while after the
 * callback so a reload of the return page shows it again instead of an error.
 * Consistency rule: `pending` has neither `result` nor `error`; `succeeded` has `result` and no
 * `error`; `failed` has `error` and no `result`.
 */
export const flowResponseSchema = z
  .strictObject({
    flowId: flowIdSchema,
    status: flowStatusSchema,
    kind: flowKindSchema,
    result: flowResultSchema.optional(),
    error: flowErrorSchema.optional(),
    returnTo: returnToPathSchema.optional(),
  })
  .check((ctx) => {
    const { status, result, error } = ctx.value
    const consistent =
      status === 'pending'
        ? result === undefined && error === undefined
        : status === 'succeeded'
          ? result !== undefined && error === undefined
          : error !== undefined && result === undefined
    if (!consistent) {
      ctx.issues.push({
        code: 'custom',
        message: 'pending has no result or error; succeeded has a result; failed has an error',
        input: ctx.value,
      })
    }
  })
/** Response of `GET /api/flows/:flowId`. */
export type FlowResponse = z.infer<typeof flowResponseSchema>
