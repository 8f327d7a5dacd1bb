import { describe, expect, it } from 'vitest'
import { poundsToPence } from './money-input'

describe('poundsToPence', () => {
  it('turns pounds and pence into whole pence without floating-point drift', () => {
    expect(poundsToPence('12')).toBe(1200)
    expect(poundsToPence('12.5')).toBe(1250)
    expect(poundsToPence('0.29')).toBe(29)
    expect(poundsToPence(' £1,234.56 ')).toBe(123456)
  })

  it('answers NaN for anything that is not pounds and pence', () => {
    for (const text of ['', '12.345', '-5', '1e3', 'abc', '12.', '.5'])
      expect(poundsToPence(text)).toBeNaN()
  })
})
