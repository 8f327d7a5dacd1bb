/**
 * CSPRNG values for a login transaction (docs/security.md K5: ≥ 128 bits each). Thin wrappers over
 * oauth4webapi so callers of this package need not import it.
 */
import * as oauth from 'oauth4webapi'

/** A fresh `state` (32 random bytes, base64url). */
export function generateState(): string {
  return oauth.generateRandomState()
}

/** A fresh `nonce` (32 random bytes, base64url; 43 characters, within Moneyhub's 64 limit). */
export function generateNonce(): string {
  return oauth.generateRandomNonce()
}

/** A fresh PKCE `code_verifier` (32 random bytes, base64url; RFC 7636 §4.1). */
export function generateCodeVerifier(): string {
  return oauth.generateRandomCodeVerifier()
}
