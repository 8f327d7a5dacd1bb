import type { FlowResult } from '@mhkit/shared'

import { AppError } from '../errors'
import { exchangeLoginCode } from '../flows/exchange-login-code'
import type { LoginTransaction } from '../flows/login-transactions'
import type { Logger } from '../logger'
import type { ExpectedClaims, MhPayment } from '../moneyhub'
import type { Services } from '../services'
import type { PaymentIntent } from './payment-intents'
import { paymentStatus } from './payment-mappers'

const EXPECTED: Record<PaymentIntent['kind'], ExpectedClaims> = {
  payment: { payment: true },
  reverse_payment: { reversePayment: true },
  recurring_payment: { recurringPayment: true },
  standing_order: { standingOrder: true },
}

/**
 * The payment as Moneyhub now holds it, or undefined when it cannot be read right now: the
 * authorisation has already happened, so a failed read must not fail the flow.
 */
async function readPayment(s: Services, log: Logger, id: string): Promise<MhPayment | undefined> {
  try {
    return await s.moneyhub.getPayment(id)
  } catch (error) {
    log.warn({ err: error }, 'payment status unavailable after authorisation')
    return undefined
  }
}

/**
 * The callback of a payment-kind flow, after the checks every callback makes (iss, browser
 * binding, the transaction taken once): exchanges the code (which is when Moneyhub submits
 * the payment), verifies the ID token as for AIS and that it carries the resource id the
 * claim asked for (docs/moneyhub-protocol.md §4.6–4.9, §7), and records the resource with what the
 * transaction says was authorised — never anything from the browser. The payer is not signed in:
 * the tokens of a payment authorisation read nothing and are dropped.
 *
 * A single payment whose amount or payee at Moneyhub differs from what was authorised here is
 * recorded, logged as a security event and fails the flow with `payment_failed`.
 *
 * @returns the flow's result and the session that may read it (the starting one)
 * @throws MoneyhubError / AppError from the exchange (`invalid_id_token`, `access_denied`, ...)
 */
export async function completePaymentFlow(
  s: Services,
  log: Logger,
  tx: LoginTransaction & { payment: PaymentIntent },
  params: URLSearchParams,
  state: string,
): Promise<{ result: FlowResult; sessionHash: string }> {
  const intent = tx.payment
  // Every payment start opens or names a session (start-payment-flow.ts); the outcome is its.
  const sessionHash = tx.sessionHash
  if (sessionHash === undefined)
    throw new AppError('internal_error', { reason: 'payment_tx_session' })
  const exchanged = await exchangeLoginCode(s, tx, params, state, EXPECTED[intent.kind])
  const owner = {
    sessionHash,
    ...(tx.sub === undefined ? {} : { sub: tx.sub }),
    createdAt: s.clock.now(),
  }
  const missing = () => new AppError('invalid_id_token', { reason: 'resource_id_missing' })

  if (intent.kind === 'recurring_payment') {
    const id = exchanged.recurringPaymentId
    if (id === undefined) throw missing()
    await s.payments.record({ kind: 'recurring_payment', id, ...owner, details: intent.details })
    return { result: { recurringPaymentId: id }, sessionHash }
  }
  if (intent.kind === 'standing_order') {
    const id = exchanged.standingOrderId
    if (id === undefined) throw missing()
    await s.payments.record({ kind: 'standing_order', id, ...owner, details: intent.details })
    return { result: { standingOrderId: id }, sessionHash }
  }
  // A refund's ID token carries the refund as `mh:reverse_payment` and the original payment
  // as `mh:payment` (docs/moneyhub-protocol.md §4.7); the refund is the payment this flow made.
  const id = intent.kind === 'payment' ? exchanged.paymentId : exchanged.reversePaymentId
  if (id === undefined) throw missing()
  if (intent.kind === 'reverse_payment' && exchanged.paymentId !== intent.details.refundOf) {
    throw new AppError('invalid_id_token', { reason: 'refund_of_another_payment' })
  }
  await s.payments.record({ kind: 'payment', id, ...owner, details: intent.details })
  const upstream = await readPayment(s, log, id)
  if (
    upstream !== undefined &&
    (upstream.amount !== intent.details.amount ||
      (intent.kind === 'payment' &&
        typeof upstream.payeeId === 'string' &&
        upstream.payeeId !== intent.details.payeeId))
  ) {
    log.warn(
      { event: 'security', reason: 'payment_mismatch', flowId: tx.flowId },
      'payment mismatch',
    )
    throw new AppError('payment_failed', { reason: 'payment_mismatch' })
  }
  return {
    result: {
      paymentId: id,
      status: upstream === undefined ? 'pending' : paymentStatus(upstream.status),
    },
    sessionHash,
  }
}
