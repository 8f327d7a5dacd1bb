import { useCallback, useState } from 'react'

// Narrow screens start with developer tooling folded away: the app comes first on a phone.
const NARROW = '(max-width: 860px)'

function initialOpen(key: string): boolean {
  const stored = window.localStorage.getItem(key)
  if (stored === 'open') return true
  if (stored === 'closed') return false
  return typeof window.matchMedia !== 'function' || !window.matchMedia(NARROW).matches
}

/**
 * Open/closed state of a disclosure that survives reloads: the person's last choice from
 * `localStorage`, else open on wide screens and closed on narrow ones.
 *
 * @param key - the `localStorage` key
 * @returns whether it is open and a toggle
 */
export function useRememberedOpen(key: string): { open: boolean; toggle: () => void } {
  const [open, setOpen] = useState(() => initialOpen(key))
  const toggle = useCallback(() => {
    setOpen((was) => {
      window.localStorage.setItem(key, was ? 'closed' : 'open')
      return !was
    })
  }, [key])
  return { open, toggle }
}
