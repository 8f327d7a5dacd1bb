/**
 * Steps the payment integration tests share: start a payment-kind flow through the BFF,
 * approve (or deny) it at the simulator's mock bank, follow the callback, read the flow.
 */
import { approveConsent, denyConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, flowResponseSchema, type FlowResponse } from '@mhkit/shared'
import { expect } from 'vitest'

import type { TestBrowser } from './browser'
import { callbackPath } from './sim-harness'

/** A new payee by bank details, valid for the mock bank. */
export const NEW_PAYEE = { name: 'Acme Ltd', sortCode: '123456', accountNumber: '12345678' }

/** A valid single payment body (a new payee, £12.34). */
export const PAYMENT = {
  amount: 1234,
  payee: NEW_PAYEE,
  payeeRef: 'INV 1001',
  payerRef: 'ACME 1001',
  bankId: MOCK_BANK_ID,
  returnTo: '/pay/done',
}

/** Starts a flow with `POST path`, expecting 200, and answers its id and bank URL. */
export async function startFlow(
  browser: TestBrowser,
  path: string,
  body: unknown,
): Promise<{ flowId: string; url: string }> {
  const res = await browser.send('POST', path, body)
  expect(res.status, await res.clone().text()).toBe(200)
  return connectResponseSchema.parse(await res.json())
}

/** The flow as `GET /api/flows/:flowId` shows it to this browser. */
export async function flowOf(browser: TestBrowser, flowId: string): Promise<FlowResponse> {
  const res = await browser.get(`/api/flows/${flowId}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return flowResponseSchema.parse(await res.json())
}

/**
 * Starts a flow, approves it at the mock bank, follows the callback (a 303) and answers the
 * settled flow and the callback path (for replays).
 */
export async function approveFlow(
  browser: TestBrowser,
  path: string,
  body: unknown,
  decision: 'approve' | 'deny' = 'approve',
): Promise<{ flow: FlowResponse; callback: string }> {
  const { flowId, url } = await startFlow(browser, path, body)
  const drive = decision === 'approve' ? approveConsent : denyConsent
  const callback = callbackPath(await drive(url, { bankId: MOCK_BANK_ID }))
  const back = await browser.navigate(callback)
  expect(back.status).toBe(303)
  return { flow: await flowOf(browser, flowId), callback }
}

export { codeOf } from './error-code'
