/**
 * Discovery: fetch `<issuer>/.well-known/openid-configuration`, require the exact configured
 * issuer and https endpoints, cache for about an hour (docs/moneyhub-protocol.md §1,
 * docs/security.md P1, P2, R10).
 */
import * as oauth from 'oauth4webapi'
import { MoneyhubError, isMoneyhubError } from './errors'
import { assertSecureUrl, oauthRequestOptions, type Transport } from './internal/transport'

/**
 * The validated discovery document: oauth4webapi's server metadata with the endpoints the
 * client relies on present, and https (or loopback http when allowed).
 */
export type DiscoveryDocument = oauth.AuthorizationServer & {
  authorization_endpoint: string
  token_endpoint: string
  jwks_uri: string
  pushed_authorization_request_endpoint: string
}

/** The endpoints the client cannot work without. */
type RequiredEndpoint =
  'authorization_endpoint' | 'token_endpoint' | 'jwks_uri' | 'pushed_authorization_request_endpoint'

/**
 * Fetch and validate the discovery document once (no cache).
 *
 * @param issuer - the configured issuer, compared exactly
 * @param t - the transport
 * @returns the validated document
 * @throws MoneyhubError `issuer_mismatch` when `issuer` differs from the configured issuer;
 *   `discovery_failed` for any other failure (status, JSON, missing or non-https endpoints)
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export async function loadDiscovery(issuer: string, t: Transport): Promise<DiscoveryDocument> {
  const issuerUrl = new URL(issuer)
  let as: oauth.AuthorizationServer
  try {
    const response = await oauth.discoveryRequest(issuerUrl, oauthRequestOptions(t))
    as = await oauth.processDiscoveryResponse(issuerUrl, response)
  } catch (err) {
    if (
      err instanceof oauth.OperationProcessingError &&
      err.code === oauth.JSON_ATTRIBUTE_COMPARISON
    ) {
      throw new MoneyhubError(
        'issuer_mismatch',
        'discovery issuer differs from the configured issuer',
        {
          cause: err,
        },
      )
    }
    throw new MoneyhubError('discovery_failed', 'Moneyhub discovery failed', {
      cause: err,
      ...(isMoneyhubError(err) && err.status !== undefined ? { status: err.status } : {}),
      ...(err instanceof oauth.OperationProcessingError && err.cause instanceof Response
        ? { status: err.cause.status }
        : {}),
    })
  }
  // Exact comparison again: processDiscoveryResponse compares the string form too, but this
  // is the property the whole flow rests on.
  if (as.issuer !== issuer) {
    throw new MoneyhubError(
      'issuer_mismatch',
      'discovery issuer differs from the configured issuer',
    )
  }
  const endpoint = (name: RequiredEndpoint): string => {
    const value = as[name]
    if (typeof value !== 'string') {
      throw new MoneyhubError('discovery_failed', `discovery lacks ${name}`)
    }
    try {
      assertSecureUrl(value, t.allowInsecureLoopback, name)
    } catch (cause) {
      throw new MoneyhubError('discovery_failed', `discovery ${name} is not an https URL`, {
        cause,
      })
    }
    return value
  }
  return {
    ...as,
    authorization_endpoint: endpoint('authorization_endpoint'),
    token_endpoint: endpoint('token_endpoint'),
    jwks_uri: endpoint('jwks_uri'),
    pushed_authorization_request_endpoint: endpoint('pushed_authorization_request_endpoint'),
  }
}

/** A single-flight, TTL cache around {@link loadDiscovery}. */
export function createDiscoveryCache(
  load: () => Promise<DiscoveryDocument>,
  t: Pick<Transport, 'now'>,
  ttlMs: number,
): () => Promise<DiscoveryDocument> {
  let cached: { value: DiscoveryDocument; at: number } | undefined
  let pending: Promise<DiscoveryDocument> | undefined
  return () => {
    if (cached && t.now() - cached.at < ttlMs) return Promise.resolve(cached.value)
    pending ??= load()
      .then((value) => {
        cached = { value, at: t.now() }
        return value
      })
      .finally(() => {
        pending = undefined
      })
    return pending
  }
}
