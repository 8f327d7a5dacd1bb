import { describe, expect, it } from 'vitest'

import { CookieJar } from './cookie-jar'

function withCookies(...cookies: string[]): Response {
  const headers = new Headers()
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  return new Response(null, { headers })
}

describe('CookieJar', () => {
  it('sends cookies only to their origin and path', () => {
    const jar = new CookieJar()
    jar.store(
      'http://127.0.0.1:1/oidc/auth',
      withCookies('_session=s1; path=/', '_interaction=i1; path=/interaction/abc'),
    )
    expect(jar.header('http://127.0.0.1:1/interaction/abc')).toBe('_session=s1; _interaction=i1')
    expect(jar.header('http://127.0.0.1:1/oidc/auth/abc')).toBe('_session=s1')
    expect(jar.header('http://127.0.0.1:2/interaction/abc')).toBe('')
  })

  it('forgets a cookie set with Max-Age=0', () => {
    const jar = new CookieJar()
    jar.store('http://h/', withCookies('a=1; path=/'))
    jar.store('http://h/', withCookies('a=; path=/; max-age=0'))
    expect(jar.header('http://h/')).toBe('')
  })
})
