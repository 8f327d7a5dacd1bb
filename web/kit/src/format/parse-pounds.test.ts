import { describe, expect, it } from 'vitest'
import { parsePounds } from './parse-pounds'

describe('parsePounds', () => {
  it.each([
    ['25', 2500],
    ['12.5', 1250],
    ['£1,200.05', 120_005],
    [' 0.01 ', 1],
    ['0', 0],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence)
  })

  it.each(['', '12.345', 'ten', '-5', '1e3', '£'])('refuses %j', (text) => {
    expect(parsePounds(text)).toBeUndefined()
  })
})
