import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { resetFlowGuard } from '../src/internal/flow-guard'

afterEach(() => {
  // The consumer build test runs in the node environment, without a DOM.
  if (typeof window === 'undefined') return
  cleanup()
  resetFlowGuard()
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})
