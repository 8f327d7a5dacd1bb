// Remembers which flow ids have had their callbacks fired, so onSuccess/onError run exactly once
// per flow: the module-level set survives StrictMode's double effects and re-mounts; the
// sessionStorage copy survives a reload of the callback page and back/forward navigation.
const handled = new Set<string>()
const PREFIX = 'mhkit:flow-handled:'

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    // Storage can throw when disabled (privacy modes); the module-level set still guards.
    return undefined
  }
}

/** Whether the outcome of `flowId` has already been reported in this tab. */
function isFlowHandled(flowId: string): boolean {
  if (handled.has(flowId)) return true
  try {
    return storage()?.getItem(PREFIX + flowId) === '1'
  } catch {
    return false
  }
}

/**
 * Marks `flowId` as reported. Returns `true` only for the first caller, so the check and the
 * mark are one step and two effects racing in the same tick cannot both fire.
 */
export function claimFlow(flowId: string): boolean {
  if (isFlowHandled(flowId)) return false
  handled.add(flowId)
  try {
    storage()?.setItem(PREFIX + flowId, '1')
  } catch {
    // See storage(): best effort.
  }
  return true
}

/** Test helper: forgets every handled flow. Not exported from the package. */
export function resetFlowGuard(): void {
  for (const flowId of handled) storage()?.removeItem(PREFIX + flowId)
  handled.clear()
}
