import { lazy, Suspense } from 'react'

// Loaded on first visit, like the recurring-payments screen.
const StandingOrders = lazy(() =>
  import('./standing-orders-screen').then((module) => ({ default: module.StandingOrders })),
)

/** The `/standing-orders` route: {@link StandingOrders}, loaded when first shown. */
export function StandingOrdersScreen() {
  return (
    <Suspense
      fallback={
        <p className="demo-muted" role="status">
          Loading standing orders…
        </p>
      }
    >
      <StandingOrders />
    </Suspense>
  )
}
