/** Size of the popup window. */
export interface PopupSize {
  width?: number
  height?: number
}

/** Name of the popup's browsing context; reusing it focuses an existing kit popup. */
const POPUP_NAME = 'mhkit-connect'

/**
 * Opens an empty popup, centred over the current window. Must be called synchronously inside
 * the user's click: browsers (Safari above all) block a window opened after an `await`.
 * The page is `about:blank` until the BFF answers with the bank URL.
 *
 * @returns the window, or `null` when the browser blocked it
 */
export function openBlankPopup(size: PopupSize = {}): Window | null {
  const width = size.width ?? 500
  const height = size.height ?? 700
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2))
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2))
  try {
    return window.open(
      'about:blank',
      POPUP_NAME,
      `popup=yes,width=${width},height=${height},left=${left},top=${top}`,
    )
  } catch {
    // Some embedded browsers throw instead of returning null.
    return null
  }
}

/** Closes a popup if it is still open; never throws. */
export function closePopup(popup: Window | null | undefined): void {
  try {
    if (popup && !popup.closed) popup.close()
  } catch {
    // Already gone or severed by COOP: nothing to close.
  }
}

/** Query parameter the kit adds to `returnTo` in popup mode, so the callback page knows. */
export const POPUP_MARKER = 'mhkit_popup'

/**
 * Adds the popup marker to a same-origin return path (before any fragment).
 *
 * @param returnTo - a path such as `/connect/callback`
 */
export function withPopupMarker(returnTo: string): string {
  const hashAt = returnTo.indexOf('#')
  const path = hashAt === -1 ? returnTo : returnTo.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : returnTo.slice(hashAt)
  return `${path}${path.includes('?') ? '&' : '?'}${POPUP_MARKER}=1${hash}`
}
