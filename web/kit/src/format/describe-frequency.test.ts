import { describe, expect, it } from 'vitest'
import { describeFrequency } from './describe-frequency'

describe('describeFrequency', () => {
  it.each([
    [{ repeat: 'daily' as const }, 'Every day'],
    [{ repeat: 'weekly' as const, day: 7 }, 'Every Sunday'],
    [{ repeat: 'monthly' as const, day: 2 }, 'On the 2nd of every month'],
    [{ repeat: 'monthly' as const, day: 13 }, 'On the 13th of every month'],
    [
      { repeat: 'monthly' as const, day: 23, onlyWorkDays: true },
      'On the 23rd of every month (working days only)',
    ],
  ])('words %o as %s', (frequency, words) => {
    expect(describeFrequency(frequency)).toBe(words)
  })
})
