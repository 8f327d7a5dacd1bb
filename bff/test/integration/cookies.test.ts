/**
 * Cookie attributes over a whole connect flow (docs/security.md S1, S3, S6;
 * docs/decisions/003-cookie-policy.md): what the browser is told to keep, and how it is cleared.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

interface ParsedCookie {
  name: string
  value: string
  /** Attribute names in lower case → value ('' for flags). */
  attributes: Map<string, string>
}

function parseSetCookie(line: string): ParsedCookie {
  const [pair = '', ...rest] = line.split(';').map((part) => part.trim())
  const eq = pair.indexOf('=')
  const attributes = new Map<string, string>()
  for (const part of rest) {
    const at = part.indexOf('=')
    if (at < 0) attributes.set(part.toLowerCase(), '')
    else attributes.set(part.slice(0, at).toLowerCase(), part.slice(at + 1))
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes }
}

/** The one Set-Cookie of `res` for `name` (fails when there is none or more than one). */
function cookieOf(res: Response, name: string): ParsedCookie {
  const matching = res.headers
    .getSetCookie()
    .map(parseSetCookie)
    .filter((c) => c.name === name)
  expect(matching, `Set-Cookie ${name}`).toHaveLength(1)
  return matching[0] as ParsedCookie
}

describe('cookie attributes (docs/security.md S1, S3, S6)', () => {
  it('tx cookie: Lax, 10 minutes; session cookie: Strict, no lifetime; logout clears it alike', async () => {
    const { browser } = bffOverSim(world)

    const started = await browser.send('POST', '/api/connect', { kind: 'ais' })
    expect(started.status).toBe(200)
    const tx = cookieOf(started, '__Host-mhkit-tx')
    expect(tx.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Object.fromEntries(tx.attributes)).toEqual({
      'max-age': '600',
      path: '/',
      httponly: '',
      secure: '',
      samesite: 'Lax',
    })
    expect(started.headers.getSetCookie().some((l) => l.startsWith('__Host-mhkit-session='))).toBe(
      false,
    )

    const { url } = connectResponseSchema.parse(await started.json())
    const back = await browser.navigate(
      callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID })),
    )
    expect(back.status).toBe(303)
    const session = cookieOf(back, '__Host-mhkit-session')
    expect(session.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // Secure, HttpOnly, Path=/, SameSite=Strict; no Domain (a __Host- cookie), no Max-Age or
    // Expires: the lifetime is enforced server-side (S5).
    expect(Object.fromEntries(session.attributes)).toEqual({
      path: '/',
      httponly: '',
      secure: '',
      samesite: 'Strict',
    })

    const out = await browser.send('POST', '/api/logout', {})
    expect(out.status).toBe(200)
    const cleared = cookieOf(out, '__Host-mhkit-session')
    expect(cleared.value).toBe('')
    expect(cleared.attributes.get('max-age')).toBe('0')
    expect(cleared.attributes.has('domain')).toBe(false)
    expect(
      Object.fromEntries(
        [...cleared.attributes].filter(([k]) => k !== 'max-age' && k !== 'expires'),
      ),
    ).toEqual({ path: '/', httponly: '', secure: '', samesite: 'Strict' })
  })
})
