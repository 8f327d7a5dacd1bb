import { useEffect, useLayoutEffect, useRef } from 'react'
import type { RefObject } from 'react'

// useLayoutEffect so the ref is current before any effect or event handler of the same commit;
// plain useEffect on the server, where layout effects do not run.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/**
 * Keeps the latest value in a ref, so callbacks passed to a hook are never stale and changing
 * them never re-initialises anything.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
