import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'

import { fakeBff, json, testQueryClient } from '../../test/fake-bff'
import { connection, CONNECTION_ID, payment, PAYMENT_ID, transaction } from '../../test/fixtures'
import { createBffClient } from '../api/bff-client'
import { MhkitProvider } from '../components/mhkit-provider'
import { RenewConsentPrompt } from '../components/renew-consent-prompt'
import { TransactionTable } from '../components/transaction-table'
import { usePaymentStatus } from '../hooks/use-payment-status'
import { moneyhubLiveUpdates } from './moneyhub-live-updates'

const encoder = new TextEncoder()
const frame = (id: string, event: unknown) =>
  `id: ${id}\nevent: mhkit\ndata: ${JSON.stringify({ id, at: '2026-12-06T10:00:00.000Z', event })}\n\n`

/** A stream that sends `parts` once `release` resolves, then stays open until aborted. */
function openStream(
  parts: string[],
  release: Promise<void>,
  signal: AbortSignal | null | undefined,
) {
  return new Response(
    new ReadableStream({
      async start(controller) {
        controller.enqueue(encoder.encode('event: ready\ndata: {}\n\n'))
        await release
        for (const part of parts) controller.enqueue(encoder.encode(part))
        signal?.addEventListener('abort', () =>
          controller.error(new DOMException('', 'AbortError')),
        )
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  )
}

describe('moneyhubLiveUpdates', () => {
  it('refetches transactions on a live event and shows a renew prompt on a reminder', async () => {
    let release = () => undefined as void
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    let reads = 0
    const bff = fakeBff({
      'GET /api/session': () =>
        json({ authenticated: true, user: { id: 'user-1' }, expiresAt: '2026-11-22T12:00:00Z' }),
      'GET /api/transactions': () => {
        reads += 1
        const data = [transaction(1), transaction(2, 9900)].slice(0, reads)
        return json({ data, page: { limit: 50, offset: 0, nextOffset: null } })
      },
      'GET /api/connections': () => json({ data: [connection()] }),
    })
    let signal: AbortSignal | null | undefined
    const liveFetch: typeof fetch = (input, init) => {
      signal = init?.signal
      return (typeof input === 'string'
        ? input
        : input instanceof URL
          ? input.href
          : input.url
      ).endsWith('/api/events')
        ? Promise.resolve(
            openStream(
              [
                frame('1765015524000-a', {
                  type: 'transactions.changed',
                  change: 'new',
                  accountIds: ['acc-1'],
                }),
                frame('1765015524001-b', {
                  type: 'connection.reminder',
                  reason: 'reauth',
                  connectionId: CONNECTION_ID,
                }),
              ],
              released,
              init?.signal,
            ),
          )
        : bff.fetch(input, init)
    }
    const queryClient = testQueryClient()
    const view = render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <MhkitProvider
            client={createBffClient({ fetch: bff.fetch })}
            liveUpdates={moneyhubLiveUpdates({ fetch: liveFetch })}
          >
            <RenewConsentPrompt />
            <TransactionTable />
          </MhkitProvider>
        </QueryClientProvider>
      </StrictMode>,
    )
    await waitFor(() => expect(reads).toBeGreaterThan(0))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const before = reads
    expect(screen.queryByRole('alert')).toBeNull()
    release()
    await waitFor(() => expect(reads).toBeGreaterThan(before))
    const prompt = await screen.findByRole('alert')
    expect(prompt.textContent).toContain('Moneyhub Open Banking Mock')
    expect(prompt.textContent).toMatch(/renew/i)
    view.unmount()
    expect(signal?.aborted).toBe(true)
  })

  it('reads a payment again at once on its final live event, and the status stops polling', async () => {
    let release = () => undefined as void
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    let settled = false
    const bff = fakeBff({
      'GET /api/session': () =>
        json({ authenticated: true, user: { id: 'user-1' }, expiresAt: '2026-11-22T12:00:00Z' }),
      'GET /api/payments/:id': () =>
        json({ data: payment({ status: settled ? 'completed' : 'pending' }) }),
    })
    const liveFetch: typeof fetch = (input, init) =>
      (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).endsWith(
        '/api/events',
      )
        ? Promise.resolve(
            openStream(
              [
                frame('1765015524002-c', {
                  type: 'payment.status',
                  paymentId: PAYMENT_ID,
                  status: 'completed',
                  final: true,
                }),
              ],
              released,
              init?.signal,
            ),
          )
        : bff.fetch(input, init)
    function Status() {
      const status = usePaymentStatus(PAYMENT_ID, { initialInterval: 60_000 })
      return <p role="status">{status.data?.data.status ?? 'loading'}</p>
    }
    render(
      <QueryClientProvider client={testQueryClient()}>
        <MhkitProvider
          client={createBffClient({ fetch: bff.fetch })}
          liveUpdates={moneyhubLiveUpdates({ fetch: liveFetch })}
        >
          <Status />
        </MhkitProvider>
      </QueryClientProvider>,
    )
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('pending'))
    settled = true
    release()
    // Without the live event the next poll would be a minute away.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('completed'))
    const reads = bff.callsTo(`GET /api/payments/${PAYMENT_ID}`).length
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(bff.callsTo(`GET /api/payments/${PAYMENT_ID}`)).toHaveLength(reads)
  })
})
