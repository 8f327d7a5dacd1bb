// A page-wide polite live region for news that outlives the component that reports it: a
// disconnected bank's row (and its button) leaves the page as soon as the connections are
// refetched, and a live region removed with it would announce nothing. The region must already
// be in the page before its text changes, so components prepare it when they mount.

let region: HTMLElement | undefined

function liveRegion(): HTMLElement {
  if (region?.isConnected !== true) {
    region = document.createElement('div')
    region.className = 'mhkit-visually-hidden mhkit-announcer'
    region.setAttribute('role', 'status')
    document.body.append(region)
  }
  return region
}

/** Makes sure the page-wide live region exists (call from an effect, before announcing). */
export function prepareAnnouncer(): void {
  liveRegion()
}

/** Announces `text` politely through the page-wide live region. */
export function announce(text: string): void {
  liveRegion().textContent = text
}
