// A fake BFF at the HTTP boundary: a `fetch` that routes requests to handler functions and
// answers with real `Response` objects, recording every call so tests can assert on them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { StrictMode } from 'react'
import type { ReactElement, ReactNode } from 'react'
import { createBffClient } from '../src/api/bff-client'
import { MhkitProvider } from '../src/components/mhkit-provider'

interface RecordedCall {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  credentials: RequestCredentials | undefined
  body: unknown
}

export type Handler = (
  call: RecordedCall,
  params: Record<string, string>,
) => Response | Promise<Response>

/** A JSON answer like the BFF's. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  })
}

/** The BFF's error body. */
export function errorBody(code: string, status: number, message = 'Something failed.'): Response {
  return json({ error: { code, message, correlationId: 'req-123' } }, status)
}

export interface FakeBff {
  fetch: typeof fetch
  calls: RecordedCall[]
  /** Calls to one route, e.g. `callsTo('POST /api/connect')`. */
  callsTo: (route: string) => RecordedCall[]
  /** Replaces or adds a handler. */
  on: (route: string, handler: Handler) => void
}

/**
 * @param routes - handlers keyed by `'METHOD /path/:param'`
 */
export function fakeBff(routes: Record<string, Handler> = {}): FakeBff {
  const table = new Map(Object.entries(routes))
  const calls: RecordedCall[] = []
  const match = (route: string, method: string, path: string) => {
    const [m, pattern = ''] = route.split(' ')
    if (m !== method) return undefined
    const names: string[] = []
    const regex = new RegExp(
      `^${pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name)
        return '([^/]+)'
      })}$`,
    )
    const found = regex.exec(path)
    if (!found) return undefined
    return Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
    )
  }
  const fetchImpl: typeof fetch = async (input, init = {}) => {
    const href = input instanceof Request ? input.url : input instanceof URL ? input.href : input
    const url = new URL(href, 'http://app.test')
    const method = init.method ?? 'GET'
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      credentials: init.credentials,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    }
    calls.push(call)
    for (const [route, handler] of table) {
      const params = match(route, method, url.pathname)
      if (params) return handler(call, params)
    }
    return errorBody('not_found', 404, 'No such route.')
  }
  return {
    fetch: fetchImpl,
    calls,
    callsTo: (route) => {
      const [method, path] = route.split(' ')
      return calls.filter((c) => c.method === method && c.path === path)
    },
    on: (route, handler) => void table.set(route, handler),
  }
}

/** A fresh QueryClient per test: no retries, so failures surface at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  })
}

/** Providers the way an app sets them up, inside StrictMode. */
export function kitWrapper(bff: FakeBff, queryClient: QueryClient) {
  const client = createBffClient({ fetch: bff.fetch })
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <MhkitProvider client={client}>{children}</MhkitProvider>
        </QueryClientProvider>
      </StrictMode>
    )
  }
}

/** Renders `ui` with the kit's providers over `bff`, in StrictMode. */
export function renderWithKit(ui: ReactElement, bff: FakeBff, queryClient = testQueryClient()) {
  const result = render(ui, { wrapper: kitWrapper(bff, queryClient) })
  return { ...result, queryClient }
}
