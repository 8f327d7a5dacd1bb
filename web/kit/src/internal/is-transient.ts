import type { BffError } from '../api/bff-error'
import { describeError } from '../api/describe-error'

/**
 * Whether an error says nothing about a flow's outcome — the network, the server or Moneyhub
 * failed for a moment — so reading it again may succeed. Definitive answers (unknown or expired
 * flow, denied, no session) are not transient.
 */
export function isTransientError(error: BffError): boolean {
  const { action } = describeError(error)
  return action === 'retry' || action === 'wait'
}
