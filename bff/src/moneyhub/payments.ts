/**
 * Payees, payments, standing-order requests (identity host, client-level tokens;
 * docs/moneyhub-protocol.md §9.7). Creating calls are never retried.
 */
import { z } from 'zod'
import { MoneyhubError } from './errors'
import type { ClientContext } from './internal/context'
import { dateParam, pageQuery } from './internal/query'
import { callData, callPage, segment, type TokenSource } from './internal/rest'
import {
  mhPayeeSchema,
  mhPaymentSchema,
  mhStandingOrderRequestSchema,
  type MhPage,
  type MhPayee,
  type MhPayment,
  type MhStandingOrderRequest,
} from './schemas'
import type { PageQuery } from './page-query'

/** Payments list query (docs/moneyhub-protocol.md §9.7). */
export interface PaymentsQuery extends PageQuery {
  userId?: string
  payeeId?: string
  startDate?: string
  endDate?: string
}

/** Body of `POST /payees`. */
export interface CreatePayeeInput {
  accountNumber: string
  sortCode: string
  name: string
  externalId?: string
  userId?: string
}

/** `GET /payments/{id}` (scope `payment:read`). @throws MoneyhubError `invalid_input`, `not_found`, ... */
export async function getPayment(
  ctx: ClientContext,
  token: TokenSource,
  paymentId: string,
): Promise<MhPayment> {
  return callData(ctx, {
    host: 'identity',
    method: 'GET',
    path: `/payments/${segment(paymentId, 'payment id')}`,
    token,
    schema: mhPaymentSchema,
  })
}

/** `GET /payments` (scope `payment:read`). @throws MoneyhubError `invalid_input`, ... */
export async function listPayments(
  ctx: ClientContext,
  token: TokenSource,
  query: PaymentsQuery = {},
): Promise<MhPage<MhPayment>> {
  return callPage(ctx, {
    host: 'identity',
    method: 'GET',
    path: '/payments',
    query: {
      ...pageQuery(query),
      userId:
        query.userId === undefined
          ? undefined
          : decodeURIComponent(segment(query.userId, 'user id')),
      payeeId:
        query.payeeId === undefined
          ? undefined
          : decodeURIComponent(segment(query.payeeId, 'payee id')),
      startDate: dateParam(query.startDate, 'startDate'),
      endDate: dateParam(query.endDate, 'endDate'),
    },
    token,
    schema: mhPaymentSchema,
  })
}

const payeeInputSchema = z.strictObject({
  accountNumber: z.string().regex(/^\d{8}$/),
  sortCode: z.string().regex(/^\d{6}$/),
  name: z.string().min(1).max(140),
  externalId: z.string().max(200).optional(),
  userId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/)
    .optional(),
})

/**
 * `POST /payees` (scope `payee:create`). Never retried.
 *
 * @throws MoneyhubError `invalid_input` for a bad account number, sort code or name; upstream codes
 */
export async function createPayee(
  ctx: ClientContext,
  token: TokenSource,
  input: CreatePayeeInput,
): Promise<MhPayee> {
  const parsed = payeeInputSchema.safeParse(input)
  if (!parsed.success)
    throw new MoneyhubError('invalid_input', 'the payee is not valid', { cause: parsed.error })
  return callData(ctx, {
    host: 'identity',
    method: 'POST',
    path: '/payees',
    body: parsed.data,
    token,
    schema: mhPayeeSchema,
  })
}

/** `GET /payees/{id}` (scope `payee:read`). @throws MoneyhubError `invalid_input`, `not_found`, ... */
export async function getPayee(
  ctx: ClientContext,
  token: TokenSource,
  payeeId: string,
): Promise<MhPayee> {
  return callData(ctx, {
    host: 'identity',
    method: 'GET',
    path: `/payees/${segment(payeeId, 'payee id')}`,
    token,
    schema: mhPayeeSchema,
  })
}

/** `GET /standing-orders/{id}` (scope `payment:read`). @throws MoneyhubError `not_found`, ... */
export async function getStandingOrder(
  ctx: ClientContext,
  token: TokenSource,
  standingOrderId: string,
): Promise<MhStandingOrderRequest> {
  return callData(ctx, {
    host: 'identity',
    method: 'GET',
    path: `/standing-orders/${segment(standingOrderId, 'standing order id')}`,
    token,
    schema: mhStandingOrderRequestSchema,
  })
}
