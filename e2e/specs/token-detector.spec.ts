// The leak detector the no-tokens journey relies on, checked on fabricated responses (no
// browser, no stack), so that journey cannot pass by detecting nothing.
import { expect, test } from '@playwright/test'
import { findTokenLeaks, type RecordedResponse } from '../support/response-recorder'

const app = 'http://localhost:4000'
const jwt =
  'eyJhbGciOiJQUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1c2VyLTEiLCJhdWQiOiJjbGllbnQifQ.c2lnbmF0dXJlLWJ5dGVz'

function response(partial: Partial<RecordedResponse>): RecordedResponse {
  return {
    url: `${app}/api/session`,
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"authenticated":true}',
    unread: false,
    ...partial,
  }
}

test('finds a JWT in a body, a header or a cookie', () => {
  expect(findTokenLeaks([response({ body: `{"x":"${jwt}"}` })], app)).toHaveLength(1)
  expect(findTokenLeaks([response({ headers: { 'x-debug': jwt } })], app)).toHaveLength(1)
  expect(
    findTokenLeaks([response({ headers: { 'set-cookie': `s=${jwt}; HttpOnly` } })], app),
  ).toHaveLength(1)
})

test('finds OAuth secret field names in API answers and HTML', () => {
  const leaks = findTokenLeaks([response({ body: '{"refresh_token":"opaque-value"}' })], app)
  expect(leaks).toEqual([`${app}/api/session body: field refresh_token`])
  expect(findTokenLeaks([response({ body: 'access_token=abc&x=1' })], app)).toHaveLength(1)
})

test('finds a known issued value anywhere, even when opaque', () => {
  const secret = 'opaque-authorization-code-1234567890'
  const leaks = findTokenLeaks([response({ body: `{"note":"${secret}"}` })], app, [secret])
  expect(leaks).toEqual([`${app}/api/session body: a token the simulator issued`])
})

test('ignores other origins and field names inside script assets', () => {
  expect(
    findTokenLeaks([response({ url: 'http://127.0.0.1:9/oidc/token', body: jwt })], app),
  ).toEqual([])
  const script = response({
    url: `${app}/assets/index.js`,
    headers: { 'content-type': 'text/javascript' },
    body: 'const schema = { id_token: z.object({}) }',
  })
  expect(findTokenLeaks([script], app)).toEqual([])
})

test('passes clean answers', () => {
  const clean = [response({}), response({ url: `${app}/api/accounts`, body: '{"data":[]}' })]
  expect(findTokenLeaks(clean, app)).toEqual([])
})
