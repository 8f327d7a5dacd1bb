/**
 * Discovery: fetch `<issuer>/.well-known/openid-configuration`, require the exact configured
 * issuer and https endpoints, cache for about an hour (protocol §1, checklist P1, P2, R10).
 */
import * as oauth from 'oauth4webapi'
import { MoneyhubError, isMoneyhubError } from './errors'
import { assertSecureUrl, type Transport } from './internal/transport'
import { httpOptions, type ClientContext } from './internal/context'

const REQUIRED_ENDPOINTS = [
  'authorization_endpoint',
  'token_endpoint',
  'jwks_uri',
  'pushed_authorization_request_endpoint',
] as const

/**
 * Fetch and validate the discovery document once (no cache).
 *
 * @param ctx - client context (issuer, transport)
 * @returns the authorization server metadata
 * @throws MoneyhubError `issuer_mismatch` when `issuer` differs from the configured issuer;
 *   `discovery_failed` for any other failure (status, JSON, missing or non-https endpoints)
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export async function loadDiscovery(ctx: ClientContext): Promise<oauth.AuthorizationServer> {
  const issuerUrl = new URL(ctx.issuer)
  let as: oauth.AuthorizationServer
  try {
    const response = await oauth.discoveryRequest(issuerUrl, httpOptions(ctx))
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
  if (as.issuer !== ctx.issuer) {
    throw new MoneyhubError(
      'issuer_mismatch',
      'discovery issuer differs from the configured issuer',
    )
  }
  for (const name of REQUIRED_ENDPOINTS) {
    const value = as[name]
    if (typeof value !== 'string') {
      throw new MoneyhubError('discovery_failed', `discovery lacks ${name}`)
    }
    try {
      assertSecureUrl(value, ctx.t.allowInsecureLoopback, name)
    } catch (cause) {
      throw new MoneyhubError('discovery_failed', `discovery ${name} is not an https URL`, {
        cause,
      })
    }
  }
  return as
}

/** A single-flight, TTL cache around {@link loadDiscovery}. */
export function createDiscoveryCache(
  load: () => Promise<oauth.AuthorizationServer>,
  t: Pick<Transport, 'now'>,
  ttlMs: number,
): () => Promise<oauth.AuthorizationServer> {
  let cached: { value: oauth.AuthorizationServer; at: number } | undefined
  let pending: Promise<oauth.AuthorizationServer> | undefined
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
