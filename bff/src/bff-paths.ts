// Every path the BFF answers: its JSON API (including the OAuth redirect_uri /api/callback),
// the public JWKS Moneyhub fetches, and the health checks. A host server routes exactly these
// to the BFF and keeps everything else (README "Mount it in your server").
const EXACT = new Set(['/.well-known/jwks.json', '/healthz', '/readyz', '/api'])

/**
 * `true` when `pathname` belongs to the BFF.
 *
 * @param pathname - the request URL's path, e.g. `/api/session`
 */
export function isBffPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/webhooks/') || EXACT.has(pathname)
}
