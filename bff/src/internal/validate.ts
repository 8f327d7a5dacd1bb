import type { ErrorIssue } from '@mhkit/shared'
import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'

import { AppError } from '../errors'

function toIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[]
}): ErrorIssue[] {
  // Messages describe the rule; the submitted value is never echoed back.
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 200),
    message: issue.message.slice(0, 200) || 'invalid',
  }))
}

/**
 * `@hono/zod-validator` with the BFF's error shape: a failed parse throws `invalid_request`
 * (400) with field-level issues. docs/security.md I3.
 *
 * @param target - `json`, `query` or `param`
 * @param schema - a shared contract schema
 * @throws AppError `invalid_request`
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError('invalid_request', { issues: toIssues(result.error) })
    }
  })
}
