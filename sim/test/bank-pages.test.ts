/**
 * The bank pages as a person sees them: the app's display name, bank logos, dates in words, a
 * way back to the app from the chooser, and from a page whose sign-in session has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CookieJar, MOCK_BANK_ID, SIM_BANKS } from '../src/index'
import { pushSigned, REDIRECT_URI, startWithClient, type TestClient } from './oauth-client'

let t: TestClient

beforeAll(async () => {
  t = await startWithClient({ client_name: 'Acme Budgeting' })
})
afterAll(async () => {
  await t.sim.close()
})

interface Step {
  url: string
  status: number
  html: string
}

/** Follows redirects with the browser's cookies until a page is shown or the app is reached. */
async function follow(
  jar: CookieJar,
  start: string,
  init: { method: string; body?: URLSearchParams } = { method: 'GET' },
): Promise<Step> {
  let url = start
  let request = init
  for (let step = 0; step < 10; step += 1) {
    const cookie = jar.header(url)
    const res = await fetch(url, {
      ...request,
      headers: cookie === undefined ? {} : { cookie },
      redirect: 'manual',
    })
    jar.store(url, res)
    const location = res.headers.get('location')
    if (res.status < 300 || res.status >= 400 || location === null) {
      return { url, status: res.status, html: await res.text() }
    }
    url = new URL(location, url).href
    request = { method: 'GET' }
    if (!url.startsWith(t.sim.issuer.replace(/\/oidc$/, ''))) return { url, status: 0, html: '' }
  }
  throw new Error('too many redirects')
}

const aisClaims = { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }

describe('the bank chooser', () => {
  it("names the app by its registered display name and shows each bank's logo", async () => {
    const flow = await pushSigned(t, { scope: 'openid id:all accounts:read', claims: aisClaims })
    const page = await follow(new CookieJar(), flow.authUrl)
    expect(page.status).toBe(200)
    expect(page.html).toContain('<strong>Acme Budgeting</strong> would like to connect')
    expect(page.html).not.toContain('test-client')
    for (const bank of SIM_BANKS) expect(page.html).toContain(`/bank-icons/${bank.bankRef}`)
  })

  it('offers a way back to the app that tells it access_denied', async () => {
    const flow = await pushSigned(t, { scope: 'openid id:all accounts:read', claims: aisClaims })
    const jar = new CookieJar()
    const chooser = await follow(jar, flow.authUrl)
    const action = /<form class="cancel" method="post" action="([^"]+)"/.exec(chooser.html)?.[1]
    expect(chooser.html).toContain('Cancel and go back to Acme Budgeting')
    expect(action).toBeDefined()
    const back = await follow(jar, new URL(action ?? '', chooser.url).href, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'cancel' }),
    })
    const callback = new URL(back.url)
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI)
    expect(callback.searchParams.get('error')).toBe('access_denied')
  })
})

describe('the bank icons', () => {
  it('serves an SVG logo per bank and 404 for an unknown one', async () => {
    const origin = new URL(t.sim.issuer).origin
    const icon = await fetch(`${origin}/bank-icons/${SIM_BANKS[0]?.bankRef ?? ''}`)
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')
    expect(await icon.text()).toMatch(/^<svg [^>]*>.*>MO<\/text><\/svg>$/)
    expect((await fetch(`${origin}/bank-icons/no-such-bank`)).status).toBe(404)
  })
})

describe('the consent page', () => {
  it('shows the consent window as dates in words', async () => {
    const flow = await pushSigned(t, {
      scope: `openid id:${MOCK_BANK_ID} accounts:read`,
      claims: aisClaims,
    })
    const page = await follow(new CookieJar(), flow.authUrl)
    expect(page.html).toMatch(/<dt>Access until<\/dt><dd>\d{1,2} [A-Z][a-z]+ \d{4}<\/dd>/)
    expect(page.html).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  it('links back to the app when reached again after its sign-in session ended', async () => {
    const flow = await pushSigned(t, {
      scope: `openid id:${MOCK_BANK_ID} accounts:read`,
      claims: aisClaims,
    })
    const jar = new CookieJar()
    const consent = await follow(jar, flow.authUrl)
    expect(consent.status).toBe(200)
    const confirm = new URL(
      /<form method="post" action="([^"]+)"/.exec(consent.html)?.[1] ?? '',
      consent.url,
    ).href
    const approve = {
      method: 'POST',
      body: new URLSearchParams({ decision: 'approve', bankId: MOCK_BANK_ID }),
    }
    const first = await follow(jar, confirm, approve)
    expect(new URL(first.url).searchParams.get('code')).not.toBeNull()
    // What Back and Approve on the used page sends.
    const again = await follow(jar, confirm, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'approve', bankId: MOCK_BANK_ID }),
    })
    expect(again.status).toBe(400)
    expect(again.html).toContain('This sign-in session has expired')
    expect(again.html).toContain(
      `<a href="${new URL(REDIRECT_URI).origin}/">Back to Acme Budgeting</a>`,
    )
  })
})
