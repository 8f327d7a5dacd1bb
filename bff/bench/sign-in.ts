import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'

/** The BFF's session cookie (`name=value`) for a signed-in user, and that user's Moneyhub id. */
export interface SignedIn {
  cookie: string
  sub: string
}

/**
 * One real connect flow through the BFF and the simulator's consent pages, as a browser makes
 * it: `POST /api/connect`, the bank's approval, `GET /api/callback`. Throws when any step does
 * not end signed in, so no figure is ever taken from a BFF answering errors.
 */
export async function signIn(bffUrl: string, appOrigin: string): Promise<SignedIn> {
  const start = await fetch(`${bffUrl}/api/connect`, {
    method: 'POST',
    headers: { 'X-CSRF': '1', Origin: appOrigin, 'Content-Type': 'application/json' },
    body: '{"kind":"ais"}',
  })
  if (start.status !== 200) throw new Error(`POST /api/connect answered ${start.status}`)
  const txCookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const { url } = (await start.json()) as { url: string }
  const back = new URL(await approveConsent(url, { bankId: MOCK_BANK_ID }))
  const done = await fetch(`${bffUrl}${back.pathname}${back.search}`, {
    headers: { Cookie: txCookie },
    redirect: 'manual',
  })
  const cookie =
    (done.headers.getSetCookie().find((c) => c.startsWith('__Host-mhkit-session=')) ?? '').split(
      ';',
    )[0] ?? ''
  const me = (await (
    await fetch(`${bffUrl}/api/session`, { headers: { 'X-CSRF': '1', Cookie: cookie } })
  ).json()) as { user?: { id: string } }
  if (me.user === undefined) throw new Error('the bench could not sign in through the simulator')
  const accounts = await fetch(`${bffUrl}/api/accounts`, {
    headers: { 'X-CSRF': '1', Cookie: cookie },
  })
  if (accounts.status !== 200) throw new Error(`GET /api/accounts answered ${accounts.status}`)
  return { cookie, sub: me.user.id }
}
