import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeAll } from 'vitest'
import { loadContractSchemas } from '../src/api/load-contract-schemas'
import { paymentSchema } from '../src/api/payment-schema'
import { resetFlowGuard } from '../src/internal/flow-guard'

// jsdom has no <dialog> behaviour: the smallest stand-in for showModal() and close() (the open
// attribute and the close event). Focus trapping and Escape are left to the browser journeys.
if (typeof HTMLDialogElement !== 'undefined' && !('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.open = true
    },
    close(this: HTMLDialogElement) {
      if (!this.open) return
      this.open = false
      this.dispatchEvent(new Event('close'))
    },
  })
}

// The BFF client loads its response checks lazily (the payment routes' in a chunk of their own).
// Load them once up front, as an app's first request would, so a test's `findBy…` wait (or a
// fake-timer step) is not spent transforming zod and the schemas.
beforeAll(() =>
  Promise.all([loadContractSchemas(), paymentSchema('payment')()]).then(() => undefined),
)

afterEach(() => {
  // The consumer build test runs in the node environment, without a DOM.
  if (typeof window === 'undefined') return
  cleanup()
  resetFlowGuard()
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})
