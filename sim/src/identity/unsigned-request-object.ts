/**
 * Moneyhub accepts an unsigned request object (`{"alg":"none","typ":"oauth-authz-req+jwt"}`,
 * empty signature) from a client registered with request-object alg `none`; oidc-provider 9
 * does not. The simulator therefore unpacks such an object into plain parameters before
 * oidc-provider sees the request: the object's members win over outer parameters and a `claims`
 * object becomes a JSON string, exactly as oidc-provider treats a signed one.
 *
 * @param params - The request's form or query parameters.
 * @param unsignedClients - Client ids registered with request-object alg `none`.
 * @returns New parameters when an unsigned object from such a client was unpacked; `undefined`
 *   to leave the request alone (no `request`, a signed one, or a client that must sign — which
 *   oidc-provider then rejects).
 * @see https://docs.moneyhubenterprise.com/docs/pushed-authorisation-requests-par
 */
export function unpackUnsignedRequestObject(
  params: URLSearchParams,
  unsignedClients: ReadonlySet<string>,
): URLSearchParams | undefined {
  const request = params.get('request')
  if (!request) return undefined
  const parts = request.split('.')
  if (parts.length !== 3 || parts[2] !== '') return undefined
  let header: unknown
  let payload: unknown
  try {
    header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'))
    payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (!isObject(header) || header.alg !== 'none' || !isObject(payload)) return undefined
  const clientId =
    typeof payload.client_id === 'string' ? payload.client_id : params.get('client_id')
  if (!clientId || !unsignedClients.has(clientId)) return undefined
  if (params.has('client_id') && params.get('client_id') !== clientId) return undefined

  const out = new URLSearchParams(params)
  out.delete('request')
  for (const [key, value] of Object.entries(payload)) {
    // JWT housekeeping claims are not authorisation parameters.
    if (['iss', 'aud', 'exp', 'iat', 'nbf', 'jti'].includes(key)) continue
    if (typeof value === 'string') out.set(key, value)
    else if (typeof value === 'number' || typeof value === 'boolean') out.set(key, String(value))
    else if (isObject(value)) out.set(key, JSON.stringify(value))
  }
  return out
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
