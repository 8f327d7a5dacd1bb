import { z } from 'zod'
import { describe, expect, it } from 'vitest'

import { envelopeSchema, listSchema } from './envelope'

const item = z.looseObject({ id: z.string() })

describe('envelopeSchema and listSchema', () => {
  it('return the same schema object for the same item schema, so zod compiles it once', () => {
    expect(envelopeSchema(item)).toBe(envelopeSchema(item))
    expect(listSchema(item)).toBe(listSchema(item))
    expect(envelopeSchema(listSchema(item))).toBe(envelopeSchema(listSchema(item)))
  })

  it('build distinct schemas for distinct item schemas', () => {
    const other = z.looseObject({ name: z.string() })
    expect(envelopeSchema(other)).not.toBe(envelopeSchema(item))
    expect(envelopeSchema(other).safeParse({ data: { id: 'a' } }).success).toBe(false)
  })

  it('still validate every element and the links of a page', () => {
    const page = envelopeSchema(listSchema(item))
    expect(page.safeParse({ data: [{ id: 'a' }], links: { self: '/x' } }).success).toBe(true)
    expect(page.safeParse({ data: [{ id: 'a' }, { id: 1 }] }).success).toBe(false)
    expect(page.safeParse({ data: [], links: { next: '/y' } }).success).toBe(false)
  })
})
