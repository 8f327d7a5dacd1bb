import { describe, expect, it } from 'vitest'
import { dateRangeProblem } from './date-range'

describe('dateRangeProblem', () => {
  it('refuses a From date after the To date', () => {
    expect(dateRangeProblem('2026-03-02', '2026-03-01')).toBe(
      'The From date must be on or before the To date.',
    )
    expect(dateRangeProblem('2026-01-01', '2025-12-31')).toMatch(/on or before/)
  })

  it('accepts an ordered range, a single day, and an open end on either side', () => {
    expect(dateRangeProblem('2026-03-01', '2026-03-02')).toBeUndefined()
    expect(dateRangeProblem('2026-03-01', '2026-03-01')).toBeUndefined()
    expect(dateRangeProblem('2026-03-01', undefined)).toBeUndefined()
    expect(dateRangeProblem(undefined, '2026-03-01')).toBeUndefined()
    expect(dateRangeProblem('', '')).toBeUndefined()
  })
})
