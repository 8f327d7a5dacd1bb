import { AppError } from '../errors'
import type { FetchLike } from '../moneyhub'
import type { BankCatalog } from './bank-catalog'

/** A bank logo as the BFF serves it. */
interface BankIcon {
  bytes: Uint8Array<ArrayBuffer>
  contentType: BankIconType
}

/** The image types the BFF passes on; anything else from upstream is refused. */
type BankIconType = 'image/svg+xml' | 'image/png' | 'image/jpeg' | 'image/webp'

const ICON_TYPES: ReadonlySet<string> = new Set([
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'image/webp',
])

/** Options of {@link createBankIcons}. */
export interface BankIconsOptions {
  /** The fetch the BFF's upstream calls use (default: the global one). */
  fetch?: FetchLike
  /** Allow `http://` icon URLs on loopback hosts (the simulator); never in production. */
  allowInsecureLoopback?: boolean
  /** Largest icon accepted, in bytes (default 64 KiB). */
  maxBytes?: number
  /** How many icons are kept in memory (default 500). */
  maxEntries?: number
  /** Upstream timeout in ms (default 5 000). */
  timeoutMs?: number
}

/** Bank logos, fetched from Moneyhub once and then served from memory. */
export interface BankIcons {
  /**
   * @throws AppError `bank_not_found` (404) for a bank no list has or a bank without a logo;
   *   `upstream_error` (502) when the logo cannot be fetched or is not an accepted image
   */
  get(bankId: string): Promise<BankIcon>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

function iconUrl(raw: string, allowInsecureLoopback: boolean): URL | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if (url.username !== '' || url.password !== '') return undefined
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && allowInsecureLoopback && LOOPBACK.has(url.hostname)) return url
  return undefined
}

function upstreamFailure(reason: string): AppError {
  // The reason goes to the log only; the browser gets the code and the generic message.
  return new AppError('upstream_error', { reason })
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length') ?? '0')
  if (declared > maxBytes) throw upstreamFailure('icon_too_large')
  if (response.body === null) return new Uint8Array()
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw upstreamFailure('icon_too_large')
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Serves bank logos from the app's own origin (`GET /api/banks/:bankId/icon`): the bank is
 * looked up in the catalogue first (an unknown id never reaches upstream), its upstream
 * `iconUrl` is fetched with the same https rule as every Moneyhub call (loopback http only
 * when allowed, for the simulator), without following redirects, only as an accepted image
 * type under a size cap, and the bytes are kept in a bounded in-memory cache (least recently
 * used evicted first) with concurrent requests for one icon sharing one fetch.
 *
 * @param catalog - the bank catalogue that knows each bank's upstream icon
 * @param options - see {@link BankIconsOptions}
 */
export function createBankIcons(
  catalog: Pick<BankCatalog, 'iconSource'>,
  options: BankIconsOptions = {},
): BankIcons {
  const fetchIcon: FetchLike = options.fetch ?? ((input, init) => fetch(input, init))
  const maxBytes = options.maxBytes ?? 64 * 1024
  const maxEntries = options.maxEntries ?? 500
  const timeoutMs = options.timeoutMs ?? 5000
  const allowInsecure = options.allowInsecureLoopback ?? false
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least
  // recently used.
  const cache = new Map<string, BankIcon>()
  const inflight = new Map<string, Promise<BankIcon>>()

  async function load(bankId: string): Promise<BankIcon> {
    const source = await catalog.iconSource(bankId)
    if (source === undefined || source === null) throw new AppError('bank_not_found')
    const url = iconUrl(source, allowInsecure)
    if (url === undefined) throw upstreamFailure('icon_url_refused')
    let response: Response
    try {
      response = await fetchIcon(url.href, {
        method: 'GET',
        headers: { accept: [...ICON_TYPES].join(', ') },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (cause) {
      throw new AppError('upstream_error', { reason: 'icon_unreachable', cause })
    }
    if (response.status !== 200) {
      await response.body?.cancel()
      throw new AppError('upstream_error', {
        reason: 'icon_status',
        upstreamStatus: response.status,
      })
    }
    const contentType = (response.headers.get('content-type') ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase()
    if (contentType === undefined || !ICON_TYPES.has(contentType)) {
      await response.body?.cancel()
      throw upstreamFailure('icon_type')
    }
    const bytes = await readCapped(response, maxBytes)
    if (bytes.byteLength === 0) throw upstreamFailure('icon_empty')
    return { bytes, contentType: contentType as BankIconType }
  }

  return {
    get(bankId) {
      const hit = cache.get(bankId)
      if (hit !== undefined) {
        cache.delete(bankId)
        cache.set(bankId, hit)
        return Promise.resolve(hit)
      }
      let pending = inflight.get(bankId)
      if (pending === undefined) {
        pending = load(bankId)
          .then((icon) => {
            cache.set(bankId, icon)
            while (cache.size > maxEntries) {
              const oldest = cache.keys().next().value
              if (oldest === undefined) break
              cache.delete(oldest)
            }
            return icon
          })
          .finally(() => inflight.delete(bankId))
        inflight.set(bankId, pending)
      }
      return pending
    },
  }
}
