import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorBody, fakeBff, json } from '../../test/fake-bff'
import { account } from '../../test/fixtures'

// Each test loads a fresh copy of the client, so the lazily loaded checks start from scratch.
async function freshClient() {
  vi.resetModules()
  const { createBffClient } = await import('./bff-client')
  const { BffError } = await import('./bff-error')
  return { createBffClient, BffError }
}

afterEach(() => {
  vi.doUnmock('./contract-schemas')
  vi.resetModules()
})

describe('the lazily loaded response checks', () => {
  it('fails the request with network_error, never unvalidated data, when they cannot load', async () => {
    vi.doMock('./contract-schemas', () => {
      throw new Error('chunk failed to load')
    })
    const { createBffClient, BffError } = await freshClient()
    const bff = fakeBff({ 'GET /api/accounts': () => json({ data: [account] }) })
    const client = createBffClient({ fetch: bff.fetch })
    const error: unknown = await client
      .request({ method: 'GET', path: '/accounts', schema: 'accounts' })
      .then(
        () => 'resolved',
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(BffError)
    expect((error as InstanceType<typeof BffError>).code).toBe('network_error')
    // The request itself was sent: the checks load alongside it, not before it.
    expect(bff.calls).toHaveLength(1)
  })

  it('fails an error answer with network_error too, since its body cannot be checked', async () => {
    vi.doMock('./contract-schemas', () => {
      throw new Error('chunk failed to load')
    })
    const { createBffClient } = await freshClient()
    const bff = fakeBff({ 'GET /api/accounts': () => errorBody('unauthenticated', 401) })
    const client = createBffClient({ fetch: bff.fetch })
    await expect(
      client.request({ method: 'GET', path: '/accounts', schema: 'accounts' }),
    ).rejects.toMatchObject({ code: 'network_error' })
  })

  it('tries again on the next request after a failed load', async () => {
    let available = false
    vi.doMock('./contract-schemas', async () => {
      if (!available) throw new Error('chunk failed to load')
      return vi.importActual('./contract-schemas')
    })
    const { createBffClient } = await freshClient()
    const bff = fakeBff({ 'GET /api/accounts': () => json({ data: [account] }) })
    const client = createBffClient({ fetch: bff.fetch })
    const read = () => client.request({ method: 'GET', path: '/accounts', schema: 'accounts' })
    await expect(read()).rejects.toMatchObject({ code: 'network_error' })
    available = true
    await expect(read()).resolves.toEqual({ data: [account] })
  })

  it('starts loading when the client is created, before any request', async () => {
    const factory = vi.fn(async () => vi.importActual('./contract-schemas'))
    vi.doMock('./contract-schemas', factory)
    const { createBffClient } = await freshClient()
    createBffClient({ fetch: fakeBff({}).fetch })
    await vi.waitFor(() => expect(factory).toHaveBeenCalledTimes(1))
  })

  it('validates every answer once the checks have loaded', async () => {
    const { createBffClient } = await freshClient()
    const bff = fakeBff({
      'GET /api/accounts': () => json({ data: [{ ...account, currency: 'pounds' }] }),
    })
    const client = createBffClient({ fetch: bff.fetch })
    await expect(
      client.request({ method: 'GET', path: '/accounts', schema: 'accounts' }),
    ).rejects.toMatchObject({ code: 'invalid_response' })
  })
})
