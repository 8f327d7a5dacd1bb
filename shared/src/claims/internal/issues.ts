/** Turning zod issues into {@link ClaimIssue}s with claim-first field names. Internal. */
import type { z } from 'zod'
import type { ClaimIssue, ClaimRule } from '../claims-error'

/** Adds a custom issue carrying our rule name, so the mapping below needs no guessing. */
export function addRuleIssue(
  ctx: z.RefinementCtx,
  path: readonly PropertyKey[],
  rule: ClaimRule,
  message: string,
): void {
  ctx.addIssue({ code: 'custom', path: [...path], message, params: { rule } })
}

/**
 * `['id_token', 'mh:payment', 'value', 'payee', 'sortCode']` → `mh:payment.payee.sortCode`.
 * The `value` segment is dropped when a field inside it is meant, so fields read as the docs name them.
 */
function fieldOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'claims'
  if (path[0] !== 'id_token' || path.length === 1) return joinPath(path)
  let rest = path.slice(2)
  if (rest[0] === 'value' && rest.length > 1) rest = rest.slice(1)
  return safeName(String(path[1])) + joinPath(rest, true)
}

function joinPath(path: readonly PropertyKey[], leadingDot = false): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${String(segment)}]`
      const name = safeName(String(segment))
      return index === 0 && !leadingDot ? name : `.${name}`
    })
    .join('')
}

/**
 * Field names can come from the input (unknown keys, claim names), so they are bounded and
 * stripped of anything but printable ASCII before they reach an error message or a log line.
 */
function safeName(name: string): string {
  const printable = name.replace(/[^\x20-\x7e]/g, '?')
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable
}

const CLAIM_RULES: ReadonlySet<string> = new Set<ClaimRule>([
  'required',
  'type',
  'format',
  'enum',
  'unknown_key',
  'too_long',
  'too_short',
  'too_large',
  'too_small',
  'integer',
  'positive',
  'charset',
  'exclusive',
  'conflict',
  'order',
  'duplicate',
  'not_future',
  'in_future',
  'too_far_ahead',
  'too_early',
])

/**
 * Maps one zod issue (parsed with `reportInput: true`, so a missing field is recognisable) to a
 * claim issue. Messages are written here, from the issue's metadata only, so no input value is
 * ever echoed into an error.
 */
export function toClaimIssue(issue: z.core.$ZodIssue): ClaimIssue {
  const path = issue.path as readonly PropertyKey[]
  switch (issue.code) {
    case 'custom': {
      const rule: unknown = issue.params?.['rule']
      return {
        field: fieldOf(path),
        rule: typeof rule === 'string' && CLAIM_RULES.has(rule) ? (rule as ClaimRule) : 'format',
        message: issue.message,
      }
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        return { field: fieldOf(path), rule: 'required', message: 'is required' }
      }
      if (issue.expected === 'int') {
        return { field: fieldOf(path), rule: 'integer', message: 'must be an integer' }
      }
      return { field: fieldOf(path), rule: 'type', message: `must be ${issue.expected}` }
    case 'unrecognized_keys':
      return {
        field: fieldOf([...path, issue.keys[0] ?? '']),
        rule: 'unknown_key',
        message: `is not a field Moneyhub defines here (${issue.keys.slice(0, 5).map(safeName).join(', ')})`,
      }
    case 'invalid_value':
      return {
        field: fieldOf(path),
        rule: 'enum',
        message: `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`,
      }
    case 'too_big':
      return {
        field: fieldOf(path),
        rule: issue.origin === 'number' || issue.origin === 'bigint' ? 'too_large' : 'too_long',
        message: `must be at most ${String(issue.maximum)}${unit(issue.origin)}`,
      }
    case 'too_small':
      return {
        field: fieldOf(path),
        rule: issue.origin === 'number' || issue.origin === 'bigint' ? 'too_small' : 'too_short',
        message: `must be at least ${String(issue.minimum)}${unit(issue.origin)}`,
      }
    case 'invalid_format':
      return {
        field: fieldOf(path),
        rule: 'format',
        // Regex checks carry our own message ("must be 8 digits"); zod's names only the pattern.
        message: issue.format === 'regex' ? issue.message : `must be a valid ${issue.format}`,
      }
    case 'not_multiple_of':
      return { field: fieldOf(path), rule: 'integer', message: 'must be a whole number' }
    default:
      return { field: fieldOf(path), rule: 'type', message: 'has an invalid value' }
  }
}

function unit(origin: string): string {
  if (origin === 'string') return ' characters'
  if (origin === 'array' || origin === 'set') return ' entries'
  return ''
}
