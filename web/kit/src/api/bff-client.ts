import type { z } from 'zod'
import { BffError } from './bff-error'
import type { contractSchemas } from './contract-schemas'
import { loadContractSchemas } from './load-contract-schemas'
import type { ContractSchemasModule } from './load-contract-schemas'
import type { LazySchema } from './payment-schema'

/**
 * Names of the shared contract schemas the client validates answers with (`'session'`,
 * `'accounts'`, `'flow'`, …). Naming a schema instead of importing it keeps zod and the schemas
 * out of the app's initial JavaScript: the client loads them in a separate chunk.
 */
export type ContractSchemaName = keyof typeof contractSchemas

/**
 * What an answer is checked against: a contract schema name, a payment route's schema
 * (`paymentSchema('payments')`, loaded when the request starts), your own zod schema, or nothing.
 */
export type BffSchema = ContractSchemaName | LazySchema | z.ZodType | null

/** HTTP methods the BFF contract uses. */
export type BffMethod = 'GET' | 'POST' | 'DELETE'

/** Query string values; `undefined` entries are left out. */
export type BffQuery = Readonly<Record<string, string | number | boolean | undefined>>

/** One request to the BFF. */
export interface BffRequest<Schema extends BffSchema> {
  method: BffMethod
  /** Path below the base path, starting with `/` (e.g. `/accounts`). */
  path: string
  query?: BffQuery
  /** JSON body for POST. */
  body?: unknown
  /** Extra request headers (e.g. `Idempotency-Key`); the kit's own headers always win. */
  headers?: Readonly<Record<string, string>>
  /**
   * What the answer must match: the name of a shared contract schema (what the kit's hooks use),
   * a payment route's `paymentSchema(name)`, or a zod schema of your own; `null` when the answer
   * has no body we use.
   */
  schema: Schema
  signal?: AbortSignal
}

/** Result type of a {@link BffRequest}. */
export type BffResult<Schema extends BffSchema> = Schema extends ContractSchemaName
  ? z.output<(typeof contractSchemas)[Schema]>
  : Schema extends LazySchema<infer Loaded>
    ? z.output<Loaded>
    : Schema extends z.ZodType
      ? z.output<Schema>
      : undefined

/** The kit's only way to talk to the BFF. */
export interface BffClient {
  /** Base path of the BFF API on the app's origin, e.g. `/api`. */
  readonly basePath: string
  /**
   * Sends one request and returns the validated answer.
   *
   * @throws BffError `network_error`, `invalid_response` or any code from the BFF's error body
   */
  request<Schema extends BffSchema>(request: BffRequest<Schema>): Promise<BffResult<Schema>>
  /** Builds an absolute-path URL below the base path (used for navigation targets). */
  url(path: string, query?: BffQuery): string
}

/** Options for {@link createBffClient}. */
export interface BffClientOptions {
  /** Base path of the BFF on the app's own origin. Default `/api`. */
  basePath?: string
  /** `fetch` to use; defaults to the global one. Tests inject a fake HTTP boundary here. */
  fetch?: typeof fetch
}

function joinUrl(basePath: string, path: string, query?: BffQuery): string {
  if (!path.startsWith('/')) throw new TypeError('BFF paths must start with "/"')
  const base = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return `${base}${path}${search ? `?${search}` : ''}`
}

function isJson(response: Response): boolean {
  const type = response.headers.get('content-type') ?? ''
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(type)
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown
  } catch (cause) {
    throw new BffError('invalid_response', 'The server answered with malformed JSON.', {
      status: response.status,
      cause,
    })
  }
}

const warned = new Set<string>()

// Configuration mistakes are otherwise invisible (every call just fails), so say once, in the
// console, what is wrong and where to look.
function diagnose(key: string, hint: string): void {
  if (warned.has(key)) return
  warned.add(key)
  console.error(`[@mhkit/react] ${hint}`)
}

async function toError(
  response: Response,
  basePath: string,
  checks: Promise<ContractSchemasModule>,
): Promise<BffError> {
  const body = isJson(response) ? await readJson(response).catch(() => undefined) : undefined
  const { errorBodySchema } = await checks
  const parsed = errorBodySchema.safeParse(body)
  if (parsed.success) {
    const { code, message, correlationId, retryAfter, earliestTransactionFrom } = parsed.data.error
    if (code === 'csrf_header_missing' || code === 'origin_mismatch') {
      diagnose(code, `The BFF refused the request (${code}): ${message}`)
    }
    return new BffError(code, message, {
      status: response.status,
      correlationId,
      retryAfter,
      earliestTransactionFrom,
    })
  }
  diagnose(
    'no-bff',
    `No BFF error body at ${basePath} (HTTP ${response.status}). Is the BFF served on this ` +
      'origin (dev proxy or reverse proxy) at this base path?',
  )
  // An answer that is not our error shape came from something in between (a proxy, a dev
  // server without the BFF): its text is never relayed, only the status.
  return new BffError(
    'invalid_response',
    `The server answered ${response.status} without a recognisable error body.`,
    { status: response.status, cause: parsed.error },
  )
}

/**
 * Creates the client every hook uses to call the BFF. It always sends the session cookie
 * (`credentials: 'same-origin'`) and the `X-CSRF: 1` header the BFF demands on every route,
 * validates each answer with the shared contract schema, and turns every failure into one
 * {@link BffError} with a stable code.
 *
 * Validation order, as in oauth4webapi: status → content type → JSON parse → schema.
 *
 * The schemas (and zod) are loaded with a dynamic `import()` that starts here, when the client
 * is created, so the chunk downloads in parallel with the first request; each request awaits it
 * before validating and never returns unvalidated data. zod runs in jitless mode (no
 * `new Function`), so a strict Content-Security-Policy without 'unsafe-eval' holds.
 *
 * @param options - base path and an injectable `fetch`
 * @returns a {@link BffClient}
 * @throws TypeError when `basePath` is not an absolute path on the app's origin
 * @throws BffError from `request`: `network_error` (also when the response checks cannot be
 *   loaded), `invalid_response`, or the code of the BFF's error body
 * @see docs/architecture.md §3
 */
export function createBffClient(options: BffClientOptions = {}): BffClient {
  const basePath = options.basePath ?? '/api'
  // Same origin by design (no CORS, strict cookies): a full URL here is a configuration mistake.
  if (!basePath.startsWith('/') || basePath.startsWith('//')) {
    throw new TypeError('basePath must be an absolute path on the app origin, e.g. "/api"')
  }
  const doFetch = options.fetch
  // Start downloading the response checks now; a failure is reported by the request that needs
  // them (and retried by the next one), so nothing is left unhandled here.
  loadContractSchemas().catch(() => undefined)

  async function request<Schema extends BffSchema>(
    req: BffRequest<Schema>,
  ): Promise<BffResult<Schema>> {
    const headers: Record<string, string> = {
      ...req.headers,
      'X-CSRF': '1',
      Accept: 'application/json',
    }
    const init: RequestInit = {
      method: req.method,
      credentials: 'same-origin',
      headers,
      signal: req.signal ?? null,
    }
    if (req.method !== 'GET') {
      headers['Content-Type'] = 'application/json'
      init.body = JSON.stringify(req.body ?? {})
    }
    // A payment route's schema starts loading with the request, as the contract schemas do with
    // the client; its failure is reported below, after the answer, like theirs.
    const lazy = typeof req.schema === 'function' ? req.schema() : undefined
    lazy?.catch(() => undefined)
    let response: Response
    try {
      response = await (doFetch ?? globalThis.fetch)(joinUrl(basePath, req.path, req.query), init)
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
      throw new BffError('network_error', 'The server could not be reached.', { cause })
    }
    if (!response.ok) throw await toError(response, basePath, loadContractSchemas())
    if (req.schema === null) return undefined as BffResult<Schema>
    if (!isJson(response)) {
      throw new BffError('invalid_response', 'The server answer was not JSON.', {
        status: response.status,
      })
    }
    const body = await readJson(response)
    const { contractSchemas } = await loadContractSchemas()
    const wanted: ContractSchemaName | LazySchema | z.ZodType = req.schema
    const schema: z.ZodType | undefined =
      typeof wanted === 'string'
        ? contractSchemas[wanted]
        : typeof wanted === 'function'
          ? await (lazy ?? wanted())
          : wanted
    // A name from before the payment routes' checks moved (`schema: 'payees'`, from plain JS).
    if (schema === undefined) {
      const name = typeof wanted === 'string' ? wanted : ''
      throw new TypeError(`No contract schema "${name}"; a payment route takes paymentSchema(name)`)
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      throw new BffError('invalid_response', 'The server answer did not match the contract.', {
        status: response.status,
        cause: parsed.error,
      })
    }
    return parsed.data as BffResult<Schema>
  }

  return {
    basePath,
    request,
    url: (path, query) => joinUrl(basePath, path, query),
  }
}
