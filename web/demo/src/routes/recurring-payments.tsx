import { lazy, Suspense } from 'react'

// Loaded on first visit: the VRP forms and the kit's VRP parts stay off the initial JavaScript
// of an app whose first screen is the overview.
const RecurringPayments = lazy(() =>
  import('./recurring-payments-screen').then((module) => ({ default: module.RecurringPayments })),
)

/** The `/recurring-payments` route: {@link RecurringPayments}, loaded when first shown. */
export function RecurringPaymentsScreen() {
  return (
    <Suspense
      fallback={
        // The page's h1 from the first paint, so no state of the page is without one.
        <section className="demo-panel" aria-labelledby="vrp-heading">
          <h1 id="vrp-heading">Recurring payments</h1>
          <p className="demo-muted" role="status">
            Loading recurring payments…
          </p>
        </section>
      }
    >
      <RecurringPayments />
    </Suspense>
  )
}
