import { requestSchemas } from './request-schemas'

/** Request bodies {@link checkRequest} knows: a VRP consent, a VRP payment, a standing order. */
export type CheckedRequestName = keyof typeof requestSchemas

/** One problem with a field: its dotted path (`payee.sortCode`, `periodicLimits.0.amount`). */
export interface RequestIssue {
  path: string
  message: string
}

/** What {@link checkRequest} found: nothing, or the problems, in the schema's order. */
export type RequestCheck = { ok: true } | { ok: false; issues: RequestIssue[] }

/**
 * Checks a request body in the browser with the same shared schema the BFF validates it with
 * (`POST /api/recurring-payments`, `…/:id/pay`, `POST /api/standing-orders`), so a form can
 * show each field's problem before anything is sent. The BFF still validates everything; this
 * only saves a round trip.
 *
 * It brings zod and the shared schemas with it, which an app that never calls it does not ship
 * (the kit's other code loads them lazily). To keep them off your initial JavaScript too, reach
 * it through a dynamic `import()` of the module that calls it, as the demo's forms do.
 *
 * @param name - which request body
 * @param body - the body as it would be sent (include `returnTo` for the flows)
 * @returns `{ ok: true }`, or `{ ok: false, issues }` with a dotted `path` per problem
 */
export function checkRequest(name: CheckedRequestName, body: unknown): RequestCheck {
  const result = requestSchemas[name].safeParse(body)
  if (result.success) return { ok: true }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  }
}
