import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK } from '../support/journeys'

interface ErrorBody {
  error: { code: string; message: string; correlationId: string }
}

test('API calls without the X-CSRF header are refused with csrf_header_missing', async ({
  page,
  bank,
}) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)

  // From Playwright's request context (shares the page's cookies).
  for (const path of ['/api/session', '/api/accounts', '/api/connections', '/api/transactions']) {
    const response = await page.request.get(path)
    expect(response.status(), path).toBe(403)
    const body = (await response.json()) as ErrorBody
    expect(body.error.code, path).toBe('csrf_header_missing')
    expect(body.error.correlationId, path).toBeTruthy()
  }

  // From page JavaScript, as an attacker's script on the same page would have to.
  const fromPage = await page.evaluate(async () => {
    const get = await fetch('/api/accounts', { credentials: 'same-origin' })
    const post = await fetch('/api/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    return {
      get: { status: get.status, body: (await get.json()) as unknown },
      post: { status: post.status, body: (await post.json()) as unknown },
    }
  })
  expect(fromPage.get.status).toBe(403)
  expect((fromPage.get.body as ErrorBody).error.code).toBe('csrf_header_missing')
  expect(fromPage.post.status).toBe(403)
  expect((fromPage.post.body as ErrorBody).error.code).toBe('csrf_header_missing')

  // The refused logout did nothing: the session is still there, and the header makes it work.
  const withHeader = await page.evaluate(async () => {
    const response = await fetch('/api/session', { headers: { 'X-CSRF': '1' } })
    return (await response.json()) as { authenticated: boolean }
  })
  expect(withHeader.authenticated).toBe(true)
})

test('a cross-site form post cannot log the user out', async ({ page, bank }) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  // A form post is what a foreign page can send without CORS: no custom header, no JSON.
  const response = await page.request.post('/api/logout', {
    form: { any: 'thing' },
    headers: { Origin: 'http://evil.example' },
  })
  expect(response.status()).toBeGreaterThanOrEqual(400)
  expect(response.status()).toBeLessThan(500)
  const session = await page.request.get('/api/session', { headers: { 'X-CSRF': '1' } })
  expect(((await session.json()) as { authenticated: boolean }).authenticated).toBe(true)
})
