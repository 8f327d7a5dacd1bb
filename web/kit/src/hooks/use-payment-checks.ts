import { useEffect, useState } from 'react'
import { loadPaymentChecks } from '../api/payment-checks'
import type { PaymentChecks } from '../api/payment-checks'

/**
 * The payment form checks ({@link loadPaymentChecks}), loaded when the form mounts: the
 * shared rules the BFF applies to amounts, payees and references, run synchronously in the
 * submit handler so field errors show before anything is sent and a popup can still open.
 *
 * @returns the checks, or `undefined` while they load (or if loading failed; a retry happens
 *   on the next mount)
 */
export function usePaymentChecks(): PaymentChecks | undefined {
  const [checks, setChecks] = useState<PaymentChecks | undefined>(undefined)
  useEffect(() => {
    let live = true
    loadPaymentChecks().then(
      (loaded) => {
        if (live) setChecks(loaded)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return checks
}
