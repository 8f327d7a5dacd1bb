import type { ExchangeCodeResult, ExpectedClaims } from '../moneyhub'
import type { Services } from '../services'
import type { LoginTransaction } from './login-transactions'

/**
 * Exchanges a callback's code for the login transaction it belongs to: the transaction's nonce
 * and unsealed PKCE verifier, its `sub` when one was asked for (sent and expected back), and the
 * claims the flow's kind must carry. Connect and payment callbacks both finish through it.
 *
 * @param expected - the claims the kind requires, e.g. `{ connectionId: true }`
 * @throws MoneyhubError from the exchange or the ID-token checks
 */
export function exchangeLoginCode(
  s: Services,
  tx: LoginTransaction,
  params: URLSearchParams,
  state: string,
  expected: ExpectedClaims,
): Promise<ExchangeCodeResult> {
  return s.moneyhub.exchangeCode({
    callbackParams: params,
    expectedState: state,
    expectedNonce: tx.nonce,
    codeVerifier: s.sessions.openWith(`tx:${state}`, tx.codeVerifier),
    ...(tx.sub === undefined ? {} : { sub: tx.sub }),
    expectedClaims: { ...expected, ...(tx.sub === undefined ? {} : { sub: tx.sub }) },
  })
}
