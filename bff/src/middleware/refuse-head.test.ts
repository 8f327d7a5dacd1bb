import { describe, expect, it } from 'vitest'

import { bareApp } from '../../test/support/bare-app'
import { refuseHead } from './refuse-head'

describe('refuseHead', () => {
  it('answers HEAD with 405 method_not_allowed and Allow: GET, without running the GET handler', async () => {
    const { app } = bareApp()
    let handled = 0
    app.use('/api/*', refuseHead())
    app.get('/api/callback', (c) => {
      handled += 1
      return c.json({ exchanged: true })
    })
    const res = await app.request('/api/callback', { method: 'HEAD' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET')
    expect(handled).toBe(0)
  })

  it('lets GET through to the handler', async () => {
    const { app } = bareApp()
    app.use('/api/*', refuseHead())
    app.get('/api/callback', (c) => c.json({ exchanged: true }))
    const res = await app.request('/api/callback')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ exchanged: true })
  })
})
