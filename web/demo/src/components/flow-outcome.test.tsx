import type { ConnectCallbackResult } from '@mhkit/react'
import { BffError, createBffClient, MhkitProvider } from '@mhkit/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventLogProvider } from '../event-log'
import { FlowOutcome, outcomeHeading } from './flow-outcome'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

type Flow = NonNullable<ConnectCallbackResult['flow']>

let container: HTMLDivElement
let root: Root

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

function show(callback: Partial<ConnectCallbackResult>): void {
  const full: ConnectCallbackResult = {
    status: 'idle',
    flowId: 'f1',
    flow: undefined,
    error: undefined,
    refetch: () => undefined,
    ...callback,
  }
  // The outcomes of VRP consents and standing orders read the new resource back; here the BFF
  // never answers, so only what the outcome shows without it is on screen.
  const client = createBffClient({ fetch: () => new Promise<Response>(() => undefined) })
  act(() =>
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <MhkitProvider client={client}>
          <EventLogProvider>
            <FlowOutcome callback={full} />
          </EventLogProvider>
        </MhkitProvider>
      </QueryClientProvider>,
    ),
  )
}

function succeeded(kind: Flow['kind'], result: Flow['result']): Flow {
  return { flowId: 'f1', status: 'succeeded', kind, result }
}

const links = () => [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))

describe('FlowOutcome', () => {
  it('sends a paid payment to its status page', () => {
    show({
      status: 'succeeded',
      flow: succeeded('payment', { paymentId: 'p 1', status: 'pending' }),
    })
    expect(container.textContent).toContain('Payment authorised')
    expect(links()).toEqual(['/payments/p%201', '/payments'])
  })

  it('says when the bank did not make an authorised payment, and offers to try again', () => {
    show({
      status: 'succeeded',
      flow: succeeded('payment', { paymentId: 'p1', status: 'rejected' }),
    })
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Your bank did not make the payment',
    )
    expect(container.textContent).not.toContain('Payment authorised')
    expect(links()).toEqual(['/payments/p1', '/pay'])
  })

  it('links a refund, a VRP consent and a standing order to their own screens', () => {
    show({ status: 'succeeded', flow: succeeded('reverse_payment', { paymentId: 'r1' }) })
    expect(container.textContent).toContain('Refund authorised')
    expect(links()).toEqual(['/payments/r1', '/payments'])
    show({
      status: 'succeeded',
      flow: succeeded('recurring_payment', { recurringPaymentId: 'v1' }),
    })
    expect(links()).toEqual(['/recurring-payments'])
    show({ status: 'succeeded', flow: succeeded('standing_order', { standingOrderId: 's1' }) })
    expect(links()).toEqual(['/standing-orders'])
    // A bank connection's success is the callback page's ConnectProgress, not a second box.
    show({ status: 'succeeded', flow: succeeded('ais', { connectionId: 'c1' }) })
    expect(container.textContent).toBe('')
  })

  it('words a failed payment for payments, with its code and a new payment as the next step', () => {
    const error = new BffError('access_denied', 'denied')
    show({
      status: 'failed',
      flow: {
        flowId: 'f1',
        status: 'failed',
        kind: 'payment',
        error: { code: 'access_denied', message: 'x' },
      },
      error,
    })
    const alert = container.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('The payment was not made')
    expect(alert?.textContent).toContain('no money has moved')
    expect(alert?.querySelector('code')?.textContent).toBe('access_denied')
    expect(alert?.querySelector('button')?.textContent).toBe('Start again')
    expect(links()).toEqual(['/payments'])
  })

  it('offers to try a failed bank connection again, with its code', () => {
    show({ status: 'failed', flow: undefined, error: new BffError('state_mismatch', 'x') })
    const alert = container.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('The bank was not connected')
    expect(alert?.querySelector('code')?.textContent).toBe('state_mismatch')
    expect(alert?.querySelector('button')?.textContent).toBe('Try again')
    expect(links()).toEqual(['/'])
  })

  it('sends a failed reconnection back to Connections rather than connecting a new bank', () => {
    window.history.replaceState(null, '', '/callback')
    show({
      status: 'failed',
      flow: {
        flowId: 'f1',
        status: 'failed',
        kind: 'reauth',
        error: { code: 'access_denied', message: 'x' },
      },
      error: new BffError('access_denied', 'denied'),
    })
    const alert = container.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('The bank was not reconnected')
    act(() => alert?.querySelector('button')?.click())
    expect(window.location.pathname).toBe('/connections')
  })

  it('names each kind in the page heading, and a connection when the kind is unknown', () => {
    expect(outcomeHeading('payment')).toBe('Your payment')
    expect(outcomeHeading('reverse_payment')).toBe('Your refund')
    expect(outcomeHeading('standing_order')).toBe('Your standing order')
    expect(outcomeHeading(undefined)).toBe('Connecting your bank…')
  })

  it('names a bank connection by its outcome once it has one', () => {
    expect(outcomeHeading('ais', 'pending')).toBe('Connecting your bank…')
    expect(outcomeHeading('ais', 'succeeded')).toBe('Bank connected')
    expect(outcomeHeading('reauth', 'failed')).toBe('Could not connect your bank')
    expect(outcomeHeading(undefined, 'failed')).toBe('Could not connect your bank')
    expect(outcomeHeading(undefined, 'idle')).toBe('Nothing to finish here')
    expect(outcomeHeading('payment', 'succeeded')).toBe('Your payment')
  })
})
