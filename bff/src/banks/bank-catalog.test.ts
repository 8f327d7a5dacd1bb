import { describe, expect, it } from 'vitest'

import { fakeClock } from '../../test/support/fake-clock'
import type { BankListKind, MhBank } from '../moneyhub'
import { MoneyhubError } from '../moneyhub'
import { createBankCatalog } from './bank-catalog'

const bank = (id: string, name: string, extra: Partial<MhBank> = {}): MhBank => ({
  id,
  name,
  type: 'api',
  ...extra,
})
const A = 'a'.repeat(32)
const B = 'b'.repeat(32)

function upstream(lists: Partial<Record<BankListKind, MhBank[]>>) {
  const calls: BankListKind[] = []
  let fail = false
  return {
    calls,
    failNext() {
      fail = true
    },
    listBanks(kind: BankListKind): Promise<MhBank[]> {
      calls.push(kind)
      if (fail) {
        fail = false
        return Promise.reject(new MoneyhubError('upstream_unavailable', 'down', { status: 503 }))
      }
      return Promise.resolve(lists[kind] ?? [])
    },
  }
}

describe('bank catalog', () => {
  it('merges the configured lists, drops duplicates and malformed entries, and sorts by name', async () => {
    const mh = upstream({
      api: [
        bank(B, 'Zed Bank'),
        bank(A, 'Acme Bank', { status: { auth: 'TEMPORARILY_UNAVAILABLE' } }),
      ],
      test: [
        bank(A, 'Acme Bank'),
        bank('not-hex', 'Broken'),
        bank('c'.repeat(32), 'Mock', { type: 'test', payments: ['domestic'] }),
      ],
    })
    const catalog = createBankCatalog({ moneyhub: mh, clock: fakeClock() })
    const banks = await catalog.list('ais')
    expect(banks.map((b) => b.name)).toEqual(['Acme Bank', 'Mock', 'Zed Bank'])
    expect(banks[0]).toMatchObject({ status: 'unavailable', payments: false })
    expect(banks[1]).toMatchObject({ type: 'test', payments: true })
  })

  it('serves from cache within the TTL and makes one upstream call for a burst', async () => {
    const clock = fakeClock()
    const mh = upstream({ api: [bank(A, 'Acme')] })
    const catalog = createBankCatalog({
      moneyhub: mh,
      clock,
      ttlMs: 60_000,
      sources: { ais: ['api'], payments: ['payments'] },
    })
    await Promise.all([catalog.list('ais'), catalog.list('ais'), catalog.list('ais')])
    await catalog.list('ais')
    expect(mh.calls).toEqual(['api'])
    clock.advance(60_000)
    await catalog.list('ais')
    expect(mh.calls).toEqual(['api', 'api'])
  })

  it('keeps serving the last list when a refresh fails, and fails when nothing is cached', async () => {
    const clock = fakeClock()
    const mh = upstream({ api: [bank(A, 'Acme')] })
    const catalog = createBankCatalog({
      moneyhub: mh,
      clock,
      ttlMs: 1_000,
      sources: { ais: ['api'], payments: ['payments'] },
    })
    mh.failNext()
    await expect(catalog.list('ais')).rejects.toMatchObject({ code: 'upstream_unavailable' })
    expect(await catalog.list('ais')).toHaveLength(1)
    clock.advance(1_000)
    mh.failNext()
    expect(await catalog.list('ais')).toHaveLength(1)
  })
})
