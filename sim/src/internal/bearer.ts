import type Provider from 'oidc-provider'

/** An access token the simulator issued, resolved in-process. */
export interface ResolvedToken {
  clientId: string
  scopes: Set<string>
  /** The Moneyhub user: the code-exchange account, or `sub` of a token-for-user. */
  sub: string | undefined
  /** Set for code-exchange tokens: the grant (one consent, one connection). */
  grantId: string | undefined
}

/**
 * Resolve an `Authorization: Bearer` header against the provider's token stores.
 *
 * @param provider - The running oidc-provider.
 * @param header - The raw `Authorization` header.
 * @returns The token, or `undefined` when missing, malformed, unknown, expired or revoked.
 */
export async function resolveBearer(
  provider: Provider,
  header: string | undefined,
): Promise<ResolvedToken | undefined> {
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim()) : null
  const value = match?.[1]
  if (!value || value.length > 4096) return undefined
  const access = await provider.AccessToken.find(value)
  if (access) {
    return {
      clientId: access.clientId ?? '',
      scopes: new Set((access.scope ?? '').split(' ').filter(Boolean)),
      sub: access.accountId,
      grantId: access.grantId,
    }
  }
  const credentials = await provider.ClientCredentials.find(value)
  if (credentials) {
    const sub = (credentials.extra as { sub?: unknown } | undefined)?.sub
    return {
      clientId: credentials.clientId ?? '',
      scopes: new Set((credentials.scope ?? '').split(' ').filter(Boolean)),
      sub: typeof sub === 'string' ? sub : undefined,
      grantId: undefined,
    }
  }
  return undefined
}
