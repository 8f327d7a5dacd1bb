import { EmptyState, StandingOrderList } from '@mhkit/react'
import { StandingOrderForm } from '../components/standing-order-form'

/** Standing orders: the ones set up here with their schedule and status, and a new one. */
export function StandingOrders() {
  return (
    <>
      <section className="demo-panel" aria-labelledby="so-heading">
        <h1 id="so-heading">Standing orders</h1>
        <StandingOrderList label="Your standing orders">
          <EmptyState title="No standing orders yet">
            <p>Set one up below.</p>
          </EmptyState>
        </StandingOrderList>
      </section>
      <section className="demo-panel">
        <StandingOrderForm />
      </section>
    </>
  )
}
