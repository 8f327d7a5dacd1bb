import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createBffClient } from '../api/bff-client'
import { useSession } from '../hooks/use-session'
import { fakeBff, json, testQueryClient } from '../../test/fake-bff'
import type { FakeBff } from '../../test/fake-bff'
import { MhkitProvider } from './mhkit-provider'
import { SessionSync } from './session-sync'

// One BFF session shared by two "tabs", as the cookie would be.
let session: Record<string, unknown> = {
  authenticated: true,
  user: { id: 'user-1' },
  expiresAt: '2026-11-22T12:00:00Z',
}
const unmounts: Array<() => void> = []

afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount()
  session = { authenticated: true, user: { id: 'user-1' }, expiresAt: '2026-11-22T12:00:00Z' }
})

function Who({ tab }: { tab: string }) {
  const { data } = useSession()
  if (data === undefined) return null
  return <p data-testid={tab}>{data.authenticated ? `in:${data.user?.id ?? ''}` : 'out'}</p>
}

function openTab(tab: string, bff: FakeBff, channel: string) {
  const queryClient = testQueryClient()
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MhkitProvider client={createBffClient({ fetch: bff.fetch })}>
        <SessionSync channel={channel} />
        <Who tab={tab} />
      </MhkitProvider>
    </QueryClientProvider>,
  )
  unmounts.push(view.unmount)
  return queryClient
}

function sharedBff() {
  return fakeBff({ 'GET /api/session': () => json(session) })
}

/** Two tabs on one channel, each with its own fake BFF over the shared session, both loaded. */
async function openTwoTabs() {
  const channel = `test-${Math.random()}`
  const bffA = sharedBff()
  const bffB = sharedBff()
  const a = openTab('a', bffA, channel)
  const b = openTab('b', bffB, channel)
  await screen.findByTestId('a')
  await screen.findByTestId('b')
  return { a, b, bffA, bffB }
}

describe('SessionSync', () => {
  it('signs the other tab out when one tab’s session ends, dropping the old data', async () => {
    const { a, b } = await openTwoTabs()
    expect(screen.getByTestId('a')).toHaveTextContent('in:user-1')
    expect(screen.getByTestId('b')).toHaveTextContent('in:user-1')
    b.setQueryData(['mhkit', 'accounts'], { data: ['from user-1'] })

    session = { authenticated: false }
    await a.refetchQueries({ queryKey: ['mhkit', 'session'] })

    await waitFor(() => expect(screen.getByTestId('b')).toHaveTextContent('out'))
    expect(b.getQueryData(['mhkit', 'accounts'])).toBeUndefined()
  })

  it('refetches in the other tab when one tab connects a bank, without echoing back', async () => {
    const { a, bffA, bffB } = await openTwoTabs()
    const before = { a: bffA.calls.length, b: bffB.calls.length }

    session = { authenticated: true, user: { id: 'user-2' }, expiresAt: '2026-11-22T12:00:00Z' }
    await a.refetchQueries({ queryKey: ['mhkit', 'session'] })

    await waitFor(() => expect(screen.getByTestId('b')).toHaveTextContent('in:user-2'))
    // Give an echo time to arrive: tab A must not refetch again because of B.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(bffA.calls.length - before.a).toBe(1)
    expect(bffB.calls.length - before.b).toBe(1)
  })

  it('announces a bank connected by redirect, which comes back on a fresh page load', async () => {
    const channel = `test-${Math.random()}`
    const bffB = sharedBff()
    openTab('b', bffB, channel)
    await screen.findByTestId('b')
    // Tab A's page before it leaves for the bank; its session state stays in this tab's storage.
    const leaving = openTab('a', sharedBff(), channel)
    await waitFor(() => expect(leaving.getQueryData(['mhkit', 'session'])).toBeDefined())
    unmounts.pop()?.()
    const before = bffB.calls.length

    session = { authenticated: true, user: { id: 'user-2' }, expiresAt: '2026-11-22T12:00:00Z' }
    openTab('a', sharedBff(), channel) // the callback page: a new page load in the same tab
    await waitFor(() => expect(screen.getByTestId('b')).toHaveTextContent('in:user-2'))
    expect(bffB.calls.length - before).toBe(1)
  })

  it('sends nothing when a refetch finds the same session', async () => {
    const { a, bffB } = await openTwoTabs()
    const before = bffB.calls.length
    await a.refetchQueries({ queryKey: ['mhkit', 'session'] })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(bffB.calls.length).toBe(before)
  })
})
