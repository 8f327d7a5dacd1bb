import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createBffClient, MhkitProvider } from '@mhkit/react'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventLogProvider } from '../event-log'
import { RecurringPayments } from './recurring-payments-screen'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

interface Call {
  method: string
  url: string
  body: unknown
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

// The HTTP boundary of the kit: a browser without a session, whose consent start the BFF
// refuses (so the test never leaves the page).
function bff(calls: Call[]): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const method = init?.method ?? 'GET'
    calls.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    if (method === 'POST') {
      return Promise.resolve(
        json({ error: { code: 'invalid_request', message: 'No.', correlationId: 'c-2' } }, 400),
      )
    }
    return Promise.resolve(
      json(
        { error: { code: 'unauthenticated', message: 'No session.', correlationId: 'c-1' } },
        401,
      ),
    )
  }
}

let container: HTMLDivElement
let root: Root
let calls: Call[]

async function settle(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done() && Date.now() < deadline) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
  }
}

function field(label: string): HTMLInputElement {
  const found = [...container.querySelectorAll('label')].find((l) => l.textContent === label)
  const input = found === undefined ? null : container.querySelector(`#${found.htmlFor}`)
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`)
  return input
}

// React listens for `input` events and reads the value through the native setter.
function type(label: string, value: string): void {
  const input = field(label)
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')
  act(() => {
    native?.set?.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

function press(name: string): void {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name)
  if (button === undefined) throw new Error(`no button ${name}`)
  act(() => button.click())
}

const starts = () => calls.filter((call) => call.method === 'POST')

beforeEach(async () => {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  calls = []
  const client = createBffClient({ fetch: bff(calls) })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  act(() => {
    root.render(
      <QueryClientProvider client={queryClient}>
        <MhkitProvider client={client}>
          <EventLogProvider>
            <RecurringPayments />
          </EventLogProvider>
        </MhkitProvider>
      </QueryClientProvider>,
    )
  })
  await settle(() => container.textContent.includes('No recurring payment permissions yet'))
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

describe('RecurringPayments', () => {
  it('shows each field’s problem, tied to its input, and sends nothing', async () => {
    type('Sort code', '12-34')
    type('Most for one payment (£)', '12.345')
    press('Continue to your bank')
    await settle(() => container.querySelector('[role="alert"]') !== null)
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Nothing has been sent to your bank yet',
    )
    const sortCode = field('Sort code')
    expect(sortCode.getAttribute('aria-invalid')).toBe('true')
    const describedBy = sortCode.getAttribute('aria-describedby') ?? ''
    expect(container.querySelector(`#${describedBy}`)?.textContent).toContain(
      'Enter the 6-digit sort code',
    )
    expect(field('Most for one payment (£)').getAttribute('aria-invalid')).toBe('true')
    expect(field('Limit 1 (£)').getAttribute('aria-invalid')).toBe('true')
    expect(field('Valid from').getAttribute('aria-invalid')).toBeNull()
    expect(starts()).toEqual([])
  })

  it('sends a valid permission in the contract’s units and shows the BFF’s refusal with a next step', async () => {
    type('Payee name', ' My savings ')
    type('Sort code', '12-34-56')
    type('Account number', '1234 5678')
    type('Reference', 'Sweep')
    type('Valid from', '2026-04-01')
    type('Most for one payment (£)', '£1,250.5')
    type('Limit 1 (£)', '2000')
    press('Continue to your bank')
    await settle(() => starts().length > 0 && container.textContent.includes('Start again'))
    expect(starts()).toEqual([
      {
        method: 'POST',
        url: '/api/recurring-payments',
        body: {
          payee: { name: 'My savings', sortCode: '123456', accountNumber: '12345678' },
          reference: 'Sweep',
          validFromDate: '2026-04-01',
          maximumIndividualAmount: 125_050,
          periodicLimits: [{ amount: 200_000, periodType: 'month' }],
          type: ['other'],
          returnTo: '/callback',
        },
      },
    ])
    expect(container.textContent).toContain('Check the payment details')
    expect(container.textContent).toContain('The permission was not set up')
  })
})
