import { claims, scopePresets } from '@mhkit/shared'
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'

import {
  generateCodeVerifier,
  generateNonce,
  generateState,
  type MoneyhubClient,
} from '../src/moneyhub'

/**
 * Connects `count` new users to the simulator's mock bank with `client` (PAR, the bank's
 * approval, the code exchange) and returns their Moneyhub ids: one user per concurrent reader
 * of the client comparison, so no two readers share a token request.
 */
export async function connectUsers(client: MoneyhubClient, count: number): Promise<string[]> {
  const subs: string[] = []
  for (let i = 0; i < count; i++) {
    const state = generateState()
    const nonce = generateNonce()
    const codeVerifier = generateCodeVerifier()
    const par = await client.pushedAuthorisationRequest({
      scope: scopePresets.aisOngoing(MOCK_BANK_ID),
      claims: claims().sub().connectionId().build(),
      state,
      nonce,
      codeVerifier,
    })
    const result = await client.exchangeCode({
      callbackParams: new URL(await approveConsent(par.url)),
      expectedState: state,
      expectedNonce: nonce,
      codeVerifier,
    })
    subs.push(result.sub)
  }
  return subs
}
