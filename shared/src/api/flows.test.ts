import { describe, expect, it } from 'vitest'
import { flowParamsSchema, flowResponseSchema } from './flows'
import { CONNECTION_ID, FLOW_ID } from './internal/test-fixtures'

describe('flowResponseSchema', () => {
  it('accepts pending, succeeded and failed flows in their consistent shapes', () => {
    const pending = { flowId: FLOW_ID, status: 'pending', kind: 'ais' }
    const succeeded = {
      flowId: FLOW_ID,
      status: 'succeeded',
      kind: 'ais',
      result: { connectionId: CONNECTION_ID },
      returnTo: '/accounts',
    }
    const failed = {
      flowId: FLOW_ID,
      status: 'failed',
      kind: 'payment',
      error: { code: 'access_denied', message: 'The request was not authorised at the bank.' },
    }
    for (const flow of [pending, succeeded, failed]) {
      expect(flowResponseSchema.parse(flow)).toEqual(flow)
    }
  })

  it('rejects a succeeded flow without a result and a failed one without an error', () => {
    expect(
      flowResponseSchema.safeParse({ flowId: FLOW_ID, status: 'succeeded', kind: 'ais' }).success,
    ).toBe(false)
    expect(
      flowResponseSchema.safeParse({ flowId: FLOW_ID, status: 'failed', kind: 'ais' }).success,
    ).toBe(false)
  })

  it('rejects a pending flow that carries a result or an error', () => {
    expect(
      flowResponseSchema.safeParse({
        flowId: FLOW_ID,
        status: 'pending',
        kind: 'ais',
        error: { code: 'internal_error', message: 'x' },
      }).success,
    ).toBe(false)
  })

  it('rejects error codes outside the closed list and over-long messages', () => {
    const failed = (code: string, message: string) => ({
      flowId: FLOW_ID,
      status: 'failed',
      kind: 'ais',
      error: { code, message },
    })
    expect(flowResponseSchema.safeParse(failed('invalid_grant', 'x')).success).toBe(false)
    expect(flowResponseSchema.safeParse(failed('access_denied', 'x'.repeat(501))).success).toBe(
      false,
    )
  })

  it('rejects extra fields, an unknown kind and an unsafe returnTo', () => {
    const base = { flowId: FLOW_ID, status: 'pending', kind: 'ais' }
    expect(flowResponseSchema.safeParse({ ...base, state: 'abc' }).success).toBe(false)
    expect(flowResponseSchema.safeParse({ ...base, kind: 'login' }).success).toBe(false)
    expect(flowResponseSchema.safeParse({ ...base, returnTo: '//evil.com' }).success).toBe(false)
    expect(
      flowResponseSchema.safeParse({
        ...base,
        status: 'succeeded',
        result: { connectionId: CONNECTION_ID, accessToken: 'x' },
      }).success,
    ).toBe(false)
  })
})

describe('flowParamsSchema', () => {
  it('accepts a flow id and rejects a malformed one', () => {
    expect(flowParamsSchema.parse({ flowId: FLOW_ID })).toEqual({ flowId: FLOW_ID })
    expect(flowParamsSchema.safeParse({ flowId: '../x' }).success).toBe(false)
  })
})
