// How the popup's callback page tells the opener that the user came back. Two carriers, because
// either can be cut: postMessage needs `window.opener`, which a Cross-Origin-Opener-Policy on the
// bank's pages can sever; BroadcastChannel needs no opener but only reaches same-origin tabs.
// Only the flow id travels — it is not a secret; the opener re-reads the outcome from the BFF.

const CHANNEL = 'mhkit:connect'
const RETURNED = 'mhkit:flow-returned'

/** The one message shape the kit exchanges between windows. */
interface FlowReturnedMessage {
  type: typeof RETURNED
  flowId: string
}

function isFlowMessage(data: unknown): data is FlowReturnedMessage {
  if (typeof data !== 'object' || data === null) return false
  const { type, flowId } = data as Record<string, unknown>
  return type === RETURNED && typeof flowId === 'string' && flowId.length <= 64
}

function openChannel(): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL)
}

/**
 * Called by the callback page when it runs inside the popup: tells the opener (and any same-origin
 * tab waiting on the flow) that the user has returned.
 */
export function announceFlowReturned(flowId: string): void {
  const message: FlowReturnedMessage = { type: RETURNED, flowId }
  try {
    // Target our own origin only, so the flow id is never handed to a foreign opener.
    const opener = window.opener as Window | null
    opener?.postMessage(message, window.location.origin)
  } catch {
    // A severed or cross-origin opener throws; BroadcastChannel below still carries the news.
  }
  const channel = openChannel()
  channel?.postMessage(message)
  channel?.close()
}

/**
 * Listens for a returned flow from a popup. Messages from other origins, or of any other shape,
 * are ignored.
 *
 * @returns a function that stops listening
 */
export function listenForFlowReturned(onReturned: (flowId: string) => void): () => void {
  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.origin !== window.location.origin) return
    if (isFlowMessage(event.data)) onReturned(event.data.flowId)
  }
  window.addEventListener('message', onMessage)
  const channel = openChannel()
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isFlowMessage(event.data)) onReturned(event.data.flowId)
    }
  }
  return () => {
    window.removeEventListener('message', onMessage)
    channel?.close()
  }
}
