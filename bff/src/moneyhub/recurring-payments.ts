/**
 * Recurring payments (VRP) after consent: read, pay, revoke, confirm funds (identity host,
 * client-level tokens; docs/moneyhub-protocol.md §4.8, §9.7). Pay is never retried.
 */
import { MoneyhubError } from './errors'
import type { ClientContext } from './internal/context'
import { penceParam, textParam } from './internal/query'
import { callData, callVoid, segment, type TokenSource } from './internal/rest'
import {
  mhFundsConfirmationSchema,
  mhRecurringPaymentResultSchema,
  mhRecurringPaymentSchema,
  type MhFundsConfirmation,
  type MhRecurringPayment,
  type MhRecurringPaymentResult,
} from './schemas'

/** Body of `POST /recurring-payments/{id}/pay` (amount in pence). */
export interface PayRecurringPaymentInput {
  amount: number
  payeeRef: string
  payerRef: string
  payeeId?: string | undefined
}

/** Body of the funds-confirmation call; `amount` in pence, sent as a major-unit string. */
export interface ConfirmFundsInput {
  amount: number
  currency?: 'GBP'
}

/** `GET /recurring-payments/{id}` (scope `recurring_payment:read`). @throws MoneyhubError `not_found`, ... */
export async function getRecurringPayment(
  ctx: ClientContext,
  token: TokenSource,
  id: string,
): Promise<MhRecurringPayment> {
  return callData(ctx, {
    host: 'identity',
    method: 'GET',
    path: `/recurring-payments/${segment(id, 'recurring payment id')}`,
    token,
    schema: mhRecurringPaymentSchema,
  })
}

/**
 * `POST /recurring-payments/{id}/pay` (scope `recurring_payment:create`), amount in pence.
 *
 * @throws MoneyhubError `invalid_input` for a bad amount or references; upstream codes
 */
export async function payRecurringPayment(
  ctx: ClientContext,
  token: TokenSource,
  id: string,
  input: PayRecurringPaymentInput,
): Promise<MhRecurringPaymentResult> {
  const body = {
    amount: penceParam(input.amount, 'amount'),
    payeeRef: textParam(input.payeeRef, 'payeeRef', 18),
    payerRef: textParam(input.payerRef, 'payerRef', 18),
    ...(input.payeeId !== undefined
      ? { payeeId: decodeURIComponent(segment(input.payeeId, 'payee id')) }
      : {}),
  }
  if (!body.payeeRef || !body.payerRef)
    throw new MoneyhubError('invalid_input', 'payeeRef and payerRef are required')
  return callData(ctx, {
    host: 'identity',
    method: 'POST',
    path: `/recurring-payments/${segment(id, 'recurring payment id')}/pay`,
    body,
    token,
    schema: mhRecurringPaymentResultSchema,
  })
}

/** `DELETE /recurring-payments/{id}` (revoke the VRP consent). @throws MoneyhubError `not_found`, ... */
export async function revokeRecurringPayment(
  ctx: ClientContext,
  token: TokenSource,
  id: string,
): Promise<void> {
  await callVoid(ctx, {
    host: 'identity',
    method: 'DELETE',
    path: `/recurring-payments/${segment(id, 'recurring payment id')}`,
    token,
  })
}

/**
 * `POST /recurring-payments/{id}/funds-confirmation`; the amount goes on the wire as a string in
 * major units (`"10.00"`), as Moneyhub expects.
 *
 * @throws MoneyhubError `invalid_input` for a bad amount; upstream codes
 */
export async function confirmFunds(
  ctx: ClientContext,
  token: TokenSource,
  id: string,
  input: ConfirmFundsInput,
): Promise<MhFundsConfirmation> {
  const pence = penceParam(input.amount, 'amount')
  return callData(ctx, {
    host: 'identity',
    method: 'POST',
    path: `/recurring-payments/${segment(id, 'recurring payment id')}/funds-confirmation`,
    body: {
      amount: `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`,
      currency: input.currency ?? 'GBP',
    },
    token,
    schema: mhFundsConfirmationSchema,
  })
}
