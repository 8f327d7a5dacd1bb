import { describe, expect, it } from 'vitest'
import { addDays, parseCalendarDate, parseDateTime, subtractMonths } from './dates'

describe('subtractMonths', () => {
  it('keeps day and time when the target month is long enough', () => {
    expect(subtractMonths(new Date('2026-03-15T12:34:56.789Z'), 72).toISOString()).toBe(
      '2020-03-15T12:34:56.789Z',
    )
  })

  it('clamps to the end of a shorter month', () => {
    expect(subtractMonths(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    )
    expect(subtractMonths(new Date('2024-03-31T10:00:00Z'), 1).toISOString()).toBe(
      '2024-02-29T10:00:00.000Z',
    )
  })

  it('crosses year boundaries', () => {
    expect(subtractMonths(new Date('2026-01-10T00:00:00Z'), 13).toISOString()).toBe(
      '2024-12-10T00:00:00.000Z',
    )
  })
})

describe('addDays', () => {
  it('adds and subtracts whole days', () => {
    expect(addDays(new Date('2026-03-15T00:00:00Z'), 90).toISOString()).toBe(
      '2026-06-13T00:00:00.000Z',
    )
    expect(addDays(new Date('2026-03-15T00:00:00Z'), -15).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    )
  })
})

describe('parseDateTime', () => {
  it.each([
    ['2025-05-02T00:00:00+00:00', Date.UTC(2025, 4, 2)],
    ['2025-05-02T01:00:00+01:00', Date.UTC(2025, 4, 2)],
    ['2025-05-02T00:00:00.000Z', Date.UTC(2025, 4, 2)],
    ['2025-05-02T00:00Z', Date.UTC(2025, 4, 2)],
  ])('parses %s', (value, expected) => {
    expect(parseDateTime(value)).toBe(expected)
  })

  it.each([
    '2025-05-02',
    '2025-05-02T00:00:00',
    '2025-02-29T00:00:00Z',
    '2025-05-02T24:00:00Z',
    '2025-05-02T00:60:00Z',
    ' 2025-05-02T00:00:00Z',
    '',
  ])('refuses %j', (value) => {
    expect(parseDateTime(value)).toBeUndefined()
  })
})

describe('parseCalendarDate', () => {
  it.each([
    ['2021-03-15', Date.UTC(2021, 2, 15)],
    ['15-MAR-2021', Date.UTC(2021, 2, 15)],
    ['15-mar-2021', Date.UTC(2021, 2, 15)],
    ['2021-03-15T00:00:00Z', Date.UTC(2021, 2, 15)],
  ])('parses %s', (value, expected) => {
    expect(parseCalendarDate(value)).toBe(expected)
  })

  it.each(['2021-02-29', '31-APR-2021', '15-MRZ-2021', '2021-3-15', '15/03/2021'])(
    'refuses %s',
    (value) => {
      expect(parseCalendarDate(value)).toBeUndefined()
    },
  )
})
