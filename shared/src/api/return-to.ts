import { z } from 'zod'

/** Longest accepted `returnTo`. */
export const RETURN_TO_MAX = 512

// Raw input: printable ASCII only. A browser percent-encodes everything else before it can
// reach the address bar, so spaces, controls and non-ASCII here are either mistakes or tricks.
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/
// After decoding: C0 and C1 controls and the Unicode line separators, which can split a
// Location header or be stripped by a URL parser (WHATWG removes tab and newline anywhere).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
// Encoded `/`, `\` and `.` in the path: a later decode (by a proxy, a router or the app) would
// turn `/%2F%2Fevil.com` into `//evil.com` or `/..%2F..` into a traversal.
const ENCODED_SEPARATOR = /%(2f|5c|2e)/i
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/
// Enough for any honest path; anything still changing after this many decodes is a trick.
const MAX_DECODE_ROUNDS = 3

function pathPart(value: string): string {
  const end = value.search(/[?#]/)
  return end === -1 ? value : value.slice(0, end)
}

function decodeFully(value: string): string | undefined {
  let current = value
  for (let round = 0; round <= MAX_DECODE_ROUNDS; round++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(current)
    } catch {
      return undefined // malformed escape such as `%E0%A4%A` or a lone `%`
    }
    if (decoded === current) return current
    current = decoded
  }
  return undefined
}

function isSinglySlashedPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
}

/**
 * Why a `returnTo` value is refused, or `undefined` when it is a safe same-origin path.
 *
 * The rules (docs/security.md I1; RFC 9700 §4.11 open redirectors), checked on the raw value
 * and again after percent-decoding until stable:
 * a path that starts with exactly one `/` (not `//`, not `/\`), so no scheme or host;
 * at most {@link RETURN_TO_MAX} characters of printable ASCII (no spaces or controls);
 * no backslash anywhere; no encoded `/`, `\` or `.` (`%2F`, `%5C`, `%2E`) in the path;
 * no `.` or `..` segments; no control characters once decoded; valid percent-encoding.
 * The query and fragment may hold anything else that is percent-encoded.
 *
 * @param value - the candidate, usually from a request body or the login transaction.
 * @returns a short reason for a validation message, or `undefined` when it is safe.
 */
export function returnToProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > RETURN_TO_MAX) {
    return `returnTo must be 1–${RETURN_TO_MAX} characters`
  }
  if (!PRINTABLE_ASCII.test(value)) {
    return 'returnTo must be printable ASCII with no spaces or control characters'
  }
  if (value.includes('\\')) return 'returnTo must not contain a backslash'
  const rawPath = pathPart(value)
  if (!isSinglySlashedPath(rawPath)) return 'returnTo must be a path starting with a single /'
  if (ENCODED_SEPARATOR.test(rawPath)) {
    return 'returnTo must not percent-encode /, \\ or . in its path'
  }
  if (DOT_SEGMENT.test(rawPath)) return 'returnTo must not contain . or .. segments'

  const decoded = decodeFully(value)
  const decodedPath = decodeFully(rawPath)
  if (decoded === undefined || decodedPath === undefined) {
    return 'returnTo has malformed or nested percent-encoding'
  }
  if (CONTROL.test(decoded)) return 'returnTo must not contain control characters'
  if (decoded.includes('\\')) return 'returnTo must not contain a backslash'
  if (!isSinglySlashedPath(decodedPath) || DOT_SEGMENT.test(decodedPath)) {
    return 'returnTo must be a plain same-origin path'
  }
  return undefined
}

/**
 * Whether a value is a safe same-origin return path; see {@link returnToProblem} for the rules.
 *
 * @param value - anything.
 * @returns `true` only for a string that passes every rule.
 */
export function isSafeReturnTo(value: unknown): value is string {
  return typeof value === 'string' && returnToProblem(value) === undefined
}

/**
 * The value itself when it is a safe return path, else `/`. The BFF applies it again to the
 * `returnTo` read back from the login transaction before building the 303 `Location`, so a
 * value that slipped into the store some other way still cannot redirect off-site.
 *
 * @param value - anything.
 * @returns a safe same-origin path.
 */
export function safeReturnTo(value: unknown): string {
  return isSafeReturnTo(value) ? value : '/'
}

/**
 * A safe return path, required (for responses and stored values). Use {@link returnToSchema}
 * in request bodies, where an absent value means `/`.
 */
export const returnToPathSchema = z
  .string()
  .max(RETURN_TO_MAX)
  .check((ctx) => {
    const problem = returnToProblem(ctx.value)
    if (problem !== undefined) {
      ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
    }
  })

/** A same-origin return path in a request body; absent means `/` (docs/security.md I1). */
export const returnToSchema = returnToPathSchema.default('/')

/** The query parameter of the callback's `303 <returnTo>?flow=<flowId>`. */
export const FLOW_PARAM = 'flow'

/**
 * The query parameter of the callback's `303 <return page>?flowError=<code>`: a callback that
 * is not proven to belong to a flow of this browser (unknown or missing `state`, another
 * issuer, an error without `state`) lands in the app with a stable error code
 * (`ErrorCode`) instead of a flow id, and changes no flow.
 */
export const FLOW_ERROR_PARAM = 'flowError'

/**
 * A return path with one query parameter added before any fragment, e.g.
 * `returnToWithParam('/accounts?x=1#top', 'flow', id)` → `/accounts?x=1&flow=<id>#top`.
 * The BFF's callback uses it to answer `303 <returnTo>?flow=<flowId>`.
 *
 * @param returnTo - a path that passed {@link returnToProblem}; anything else is replaced by `/`.
 * @param name - the parameter name (percent-encoded here).
 * @param value - the parameter value (percent-encoded here).
 * @returns the new same-origin path.
 */
export function returnToWithParam(returnTo: string, name: string, value: string): string {
  const safe = safeReturnTo(returnTo)
  const hashAt = safe.indexOf('#')
  const beforeHash = hashAt === -1 ? safe : safe.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : safe.slice(hashAt)
  const separator = beforeHash.includes('?')
    ? beforeHash.endsWith('?') || beforeHash.endsWith('&')
      ? ''
      : '&'
    : '?'
  return `${beforeHash}${separator}${encodeURIComponent(name)}=${encodeURIComponent(value)}${hash}`
}
