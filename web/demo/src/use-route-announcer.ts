import { useEffect, useRef } from 'react'
import { routeTitle, type RouteName } from './router'

// Screens that title themselves once they know more (the callback names its outcome); a
// parent's effect runs after its children's, so setting it here would overwrite theirs.
const SELF_TITLED: ReadonlySet<RouteName> = new Set(['callback'])

// A lazily loaded screen renders its heading a little later (or swaps its placeholder's); past
// this, focus stays put rather than jumping under the person's feet.
const HEADING_WAIT_MS = 3_000

function focusHeading(main: HTMLElement): boolean {
  const heading = main.querySelector<HTMLElement>('h1')
  if (heading === null) return false
  // Focusable by script only: not a Tab stop, and no focus ring on a mouse click.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus()
  return true
}

/**
 * Makes a client-side navigation behave like a page load for assistive technology: the
 * document title names the new screen, and focus moves to the screen's `h1`, so a screen
 * reader announces where the person landed and the next Tab starts from the new content
 * instead of from the navigation link. The first render only sets the title: on a fresh page
 * load the browser's own focus handling is right.
 *
 * @param route - the current screen
 * @param path - the current pathname (a new path to the same screen is also a navigation)
 * @param main - the element holding the screen, searched for its `h1`
 */
export function useRouteAnnouncer(
  route: RouteName,
  path: string,
  main: { readonly current: HTMLElement | null },
): void {
  // The path focus was last settled for; StrictMode's second effect run sees the same path
  // and leaves focus alone.
  const settled = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!SELF_TITLED.has(route)) document.title = routeTitle(route)
    const previous = settled.current
    settled.current = path
    if (previous === undefined || previous === path) return
    const container = main.current
    if (container === null) return
    let focused = focusHeading(container)
    // For a moment, follow a lazily loaded screen: its h1 may come later, or replace the h1 of
    // its loading placeholder, which takes the focus with it (focus falls to the body).
    const observer = new MutationObserver(() => {
      if (focused && document.activeElement !== document.body) return
      focused = focusHeading(container)
    })
    observer.observe(container, { childList: true, subtree: true })
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS)
    return () => {
      observer.disconnect()
      clearTimeout(timer)
    }
  }, [route, path, main])
}
