import { describe, expect, it } from 'vitest'

import { bareApp, securityReasons } from '../../test/support/bare-app'
import { requireSameOrigin } from './origin'

const APP = 'https://app.example.test'
const PARTNER = 'https://partner.example.test'

function appWithOriginCheck() {
  const bare = bareApp()
  bare.app.use('/api/*', requireSameOrigin({ allowed: [APP, PARTNER] }))
  bare.app.on(['GET', 'POST', 'DELETE'], '/api/thing', (c) => c.json({ reached: true }))
  bare.app.get('/api/callback', (c) => c.json({ reached: true }))
  return bare
}

describe('requireSameOrigin', () => {
  it('lets a state-changing request from the app origin or an allowlisted origin through', async () => {
    const { app } = appWithOriginCheck()
    for (const origin of [APP, PARTNER]) {
      const res = await app.request('/api/thing', { method: 'POST', headers: { origin } })
      expect(res.status, origin).toBe(200)
    }
  })

  it('refuses a POST or DELETE with another, a missing or a null Origin (403 origin_mismatch)', async () => {
    const { app, logs } = appWithOriginCheck()
    const cases: [string, Record<string, string>][] = [
      ['POST', { origin: 'https://evil.example.test' }],
      ['POST', {}],
      ['DELETE', { origin: 'null' }],
      // Exact comparison: no prefix, suffix or case-folding tricks.
      ['POST', { origin: `${APP}.evil.test` }],
      ['POST', { origin: `${APP}/` }],
    ]
    for (const [method, headers] of cases) {
      const res = await app.request('/api/thing', { method, headers })
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(await res.json()).toEqual({ code: 'origin_mismatch' })
    }
    expect(securityReasons(logs)).toHaveLength(cases.length)
  })

  it('lets a same-site GET without Origin through (browsers omit it on same-origin GETs)', async () => {
    const { app } = appWithOriginCheck()
    expect((await app.request('/api/thing')).status).toBe(200)
  })

  it('refuses any request the browser marks Sec-Fetch-Site: cross-site, even with a listed Origin', async () => {
    const { app } = appWithOriginCheck()
    const res = await app.request('/api/thing', {
      headers: { 'sec-fetch-site': 'cross-site', origin: APP },
    })
    expect(res.status).toBe(403)
  })

  it('exempts the callback, which the identity service reaches by a cross-site navigation', async () => {
    const { app } = appWithOriginCheck()
    const res = await app.request('/api/callback', {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://identity.example.test' },
    })
    expect(res.status).toBe(200)
  })
})
