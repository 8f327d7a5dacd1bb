import { flowParamsSchema, type FlowResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { ownsFlow } from '../flows/flow-owner'
import { validate } from '../internal/validate'
import type { Services } from '../services'

/**
 * `GET /api/flows/:flowId`: the stored outcome of a connect (later: payment) flow, readable
 * for an hour so a reload of the return page shows it again. Only the browser that started the
 * flow may read it (its transaction cookie, or the session the flow names, see
 * {@link ownsFlow}); anyone else, holding the flow id from a URL, gets 404. A pending flow whose login transaction lapsed is answered as
 * `flow_expired`, unless a callback has taken the transaction (it is exchanging the code and
 * settles the flow itself) — and that callback has not outlived its lease
 * (`CALLBACK_LEASE_MS`): then it died mid-exchange and the flow ends as `flow_expired` too.
 *
 * Errors: `invalid_request` (id pattern), `flow_not_found`.
 */
export function flowRoutes(s: Services) {
  return new Hono<AppEnv>().get(
    '/api/flows/:flowId',
    validate('param', flowParamsSchema),
    async (c) => {
      const { flowId } = c.req.valid('param')
      const flow = await s.flows.get(flowId)
      if (flow === undefined) throw new AppError('flow_not_found')
      if (!ownsFlow(c, flow)) {
        // Answered as unknown: whether the id exists is not this browser's business either.
        c.var.log.warn({ event: 'security', reason: 'flow_of_another_browser' }, 'flow refused')
        throw new AppError('flow_not_found')
      }
      const expired = flow.status === 'pending' && s.clock.now() >= flow.txExpiresAt
      // Unless a callback took the transaction first: then the flow is its winner's to settle.
      let settled = expired ? ((await s.flows.failUnclaimed(flowId, 'flow_expired')) ?? flow) : flow
      // A winner that died mid-exchange (its lease ran out) never settles: end the flow here.
      if (settled.status === 'pending') settled = (await s.flows.settleAbandoned(flowId)) ?? settled
      const body: FlowResponse = {
        flowId: settled.flowId,
        status: settled.status,
        kind: settled.kind,
        returnTo: settled.returnTo,
        ...(settled.status === 'succeeded' ? { result: settled.result ?? {} } : {}),
        ...(settled.status === 'failed' && settled.error !== undefined
          ? { error: settled.error }
          : {}),
      }
      return c.json(body, 200)
    },
  )
}
