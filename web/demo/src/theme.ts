import { useCallback, useSyncExternalStore } from 'react'

/** The colour theme: follow the system, or force light or dark. */
export type Theme = 'system' | 'light' | 'dark'

const STORAGE_KEY = 'mhkit-demo-theme'
const CHANGE = 'demo:theme'

function readTheme(): Theme {
  const stored = window.localStorage.getItem(STORAGE_KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

/**
 * Applies a theme to `<html data-theme>` (an attribute, not an inline style, so the strict
 * CSP holds) and remembers it.
 *
 * @param theme - `system` removes the override
 */
function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') {
    root.removeAttribute('data-theme')
    window.localStorage.removeItem(STORAGE_KEY)
  } else {
    root.setAttribute('data-theme', theme)
    window.localStorage.setItem(STORAGE_KEY, theme)
  }
  window.dispatchEvent(new Event(CHANGE))
}

/** Re-applies the remembered theme at start-up. */
export function restoreTheme(): void {
  const theme = readTheme()
  if (theme !== 'system') document.documentElement.setAttribute('data-theme', theme)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE, onChange)
  return () => window.removeEventListener(CHANGE, onChange)
}

/**
 * The current theme and a function that cycles system → light → dark.
 */
export function useTheme(): { theme: Theme; next: () => void } {
  const theme = useSyncExternalStore(subscribe, readTheme, (): Theme => 'system')
  const next = useCallback(() => {
    applyTheme(theme === 'system' ? 'light' : theme === 'light' ? 'dark' : 'system')
  }, [theme])
  return { theme, next }
}
