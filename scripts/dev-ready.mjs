// Readiness of `pnpm dev` (scripts/dev.mjs): "ready" is printed only once every service
// answers — the simulator's discovery document, the BFF's /readyz (which itself needs the
// provider's discovery and keys, and the store) and the demo page — so the first click never
// meets a 503 from a service that is still starting.

/**
 * What must answer before `pnpm dev` says ready.
 *
 * @param {{ useSimulator: boolean, simIdentityPort: string | number, bffPort: string | number, appOrigin?: string }} services
 *   `appOrigin` only when the demo runs.
 * @returns {string[]} URLs that must each answer 2xx.
 */
export function readinessUrls({ useSimulator, simIdentityPort, bffPort, appOrigin }) {
  const urls = []
  if (useSimulator) {
    urls.push(`http://127.0.0.1:${simIdentityPort}/oidc/.well-known/openid-configuration`)
  }
  urls.push(`http://127.0.0.1:${bffPort}/readyz`)
  if (appOrigin !== undefined) urls.push(appOrigin)
  return urls
}

/**
 * Polls the URLs until each answers 2xx in the same round. Keeps waiting on a slow machine:
 * `onSlow` is called once after `slowMs`.
 *
 * @param {string[]} urls
 * @param {{ isStopping?: () => boolean, intervalMs?: number, slowMs?: number, onSlow?: () => void }} [options]
 * @returns {Promise<boolean>} true when ready, false when `isStopping()` became true first.
 */
export async function waitUntilReady(urls, options = {}) {
  const { isStopping = () => false, intervalMs = 500, slowMs = 60_000, onSlow } = options
  const slowAt = Date.now() + slowMs
  let warned = false
  const up = async (url) => {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await response.body?.cancel()
      return response.ok
    } catch {
      return false
    }
  }
  while (!isStopping()) {
    if ((await Promise.all(urls.map(up))).every(Boolean)) return !isStopping()
    if (!warned && Date.now() >= slowAt) {
      warned = true
      onSlow?.()
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  return false
}
