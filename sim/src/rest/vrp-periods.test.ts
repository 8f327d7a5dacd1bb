import { describe, expect, it } from 'vitest'

import { periodBounds, type VrpPeriodAlignment, type VrpPeriodType } from './vrp-periods'

const anchor = new Date('2026-01-31T00:00:00Z')

function bounds(type: VrpPeriodType, alignment: VrpPeriodAlignment, at: string) {
  const { start, end } = periodBounds(type, alignment, anchor, new Date(at))
  return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)]
}

describe('periodBounds', () => {
  it.each<[VrpPeriodType, string, string[]]>([
    ['Day', '2026-03-11T23:59:00Z', ['2026-03-11', '2026-03-12']],
    ['Week', '2026-03-11T10:00:00Z', ['2026-03-09', '2026-03-16']], // Wednesday → Monday
    ['Week', '2026-03-09T00:00:00Z', ['2026-03-09', '2026-03-16']],
    ['Fortnight', '2026-01-14T10:00:00Z', ['2026-01-12', '2026-01-26']], // ISO week 1 = 29 Dec 2025
    ['Fortnight', '2026-01-01T10:00:00Z', ['2025-12-29', '2026-01-12']],
    ['Month', '2026-02-28T10:00:00Z', ['2026-02-01', '2026-03-01']],
    ['Half-year', '2026-09-30T10:00:00Z', ['2026-07-01', '2027-01-01']],
    ['Half-year', '2026-06-30T10:00:00Z', ['2026-01-01', '2026-07-01']],
    ['Year', '2026-12-31T23:00:00Z', ['2026-01-01', '2027-01-01']],
  ])('calendar %s containing %s', (type, at, expected) => {
    expect(bounds(type, 'Calendar', at)).toEqual(expected)
  })

  it.each<[VrpPeriodType, string, string[]]>([
    ['Day', '2026-02-02T08:00:00Z', ['2026-02-02', '2026-02-03']],
    ['Week', '2026-02-06T08:00:00Z', ['2026-01-31', '2026-02-07']],
    ['Week', '2026-02-07T00:00:00Z', ['2026-02-07', '2026-02-14']],
    ['Fortnight', '2026-02-13T08:00:00Z', ['2026-01-31', '2026-02-14']],
    ['Month', '2026-02-27T08:00:00Z', ['2026-01-31', '2026-02-28']], // 31 Jan → 28 Feb
    ['Month', '2026-02-28T08:00:00Z', ['2026-02-28', '2026-03-31']],
    ['Month', '2026-04-29T08:00:00Z', ['2026-03-31', '2026-04-30']],
    ['Half-year', '2026-07-30T08:00:00Z', ['2026-01-31', '2026-07-31']],
    ['Year', '2027-01-30T08:00:00Z', ['2026-01-31', '2027-01-31']],
    ['Year', '2027-01-31T00:00:00Z', ['2027-01-31', '2028-01-31']],
  ])('consent-aligned %s containing %s (consent from 31 January)', (type, at, expected) => {
    expect(bounds(type, 'Consent', at)).toEqual(expected)
  })
})
