/**
 * Callback validation in the order iss → state → error, each parameter at most once
 * (docs/moneyhub-protocol.md §8, docs/security.md P6, P8, P10, P11). Nothing here calls the
 * network.
 */
import * as oauth from 'oauth4webapi'
import { MoneyhubError } from './errors'

function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name)
  return all.length === 1 ? all[0] : undefined
}

/**
 * Validate the redirect parameters of an authorisation response.
 *
 * @param as - discovery metadata (issuer, whether `iss` is mandatory)
 * @param client - oauth4webapi client
 * @param input - the callback query (`URL` or `URLSearchParams`)
 * @param expectedState - the state stored with the login transaction
 * @returns parameters branded for `authorizationCodeGrantRequest`
 * @throws MoneyhubError `iss_mismatch` (missing when advertised, different, or repeated),
 *   `state_mismatch` (missing, different, repeated), `access_denied` / `authorization_error`
 *   (upstream `error`, its code in `error`), `invalid_callback` (other duplicates, no code,
 *   implicit or JARM parameters)
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
export function validateCallback(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  input: URLSearchParams | URL,
  expectedState: string,
): URLSearchParams {
  if (typeof expectedState !== 'string' || expectedState.length === 0) {
    throw new TypeError('expectedState must be a non-empty string')
  }
  const params = input instanceof URL ? input.searchParams : input
  if (!(params instanceof URLSearchParams))
    throw new TypeError('callbackParams must be a URL or URLSearchParams')

  const issCount = params.getAll('iss').length
  const iss = single(params, 'iss')
  if (issCount > 1 || (issCount === 1 && iss !== as.issuer)) {
    throw new MoneyhubError('iss_mismatch', 'callback iss differs from the issuer')
  }
  if (issCount === 0 && as.authorization_response_iss_parameter_supported === true) {
    throw new MoneyhubError('iss_mismatch', 'callback iss is missing')
  }
  const state = single(params, 'state')
  if (state === undefined || state !== expectedState) {
    throw new MoneyhubError('state_mismatch', 'callback state is missing or differs')
  }
  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1) {
      throw new MoneyhubError(
        'invalid_callback',
        `callback parameter ${name} appears more than once`,
      )
    }
  }
  const error = params.get('error')
  if (error !== null) {
    // The upstream error code is kept; its description is never relayed.
    const code = /^[\w.-]{1,64}$/.test(error) ? error : 'invalid_error_code'
    throw new MoneyhubError(
      error === 'access_denied' ? 'access_denied' : 'authorization_error',
      error === 'access_denied' ? 'the user or bank declined' : 'the authorisation failed',
      { error: code },
    )
  }
  for (const name of ['id_token', 'access_token', 'token', 'response']) {
    if (params.has(name)) throw new MoneyhubError('invalid_callback', `callback carries ${name}`)
  }
  if (!params.get('code')) throw new MoneyhubError('invalid_callback', 'callback has no code')
  try {
    return oauth.validateAuthResponse(as, client, params, expectedState)
  } catch (cause) {
    throw new MoneyhubError('invalid_callback', 'callback parameters are invalid', { cause })
  }
}
