import { describe, expect, it } from 'vitest'

import { bankInitials } from './bank-icon'
import { humanDate } from './human-date'

describe('humanDate', () => {
  it('writes ISO dates, date-times and Dates in words, in UTC', () => {
    expect(humanDate('2026-12-06')).toBe('6 December 2026')
    expect(humanDate('2026-12-31T23:30:00Z')).toBe('31 December 2026')
    expect(humanDate(new Date('2027-01-01T00:00:00Z'))).toBe('1 January 2027')
  })

  it('shows a value that is not a date as given, and a missing one as not given', () => {
    expect(humanDate('next Tuesday')).toBe('next Tuesday')
    expect(humanDate(undefined)).toBe('not given')
    expect(humanDate(new Date('nonsense'))).toBe('not given')
  })
})

describe('bankInitials', () => {
  it('takes the first letters of the first two words, skipping bracketed words', () => {
    expect(bankInitials('Northwind Bank')).toBe('NB')
    expect(bankInitials('Old Town Savings (legacy)')).toBe('OT')
    expect(bankInitials('Moneyhub Open Banking Mock')).toBe('MO')
  })
})
