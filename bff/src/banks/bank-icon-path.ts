/** The same-origin path of a bank's logo, as the bank list gives it to the browser. */
export function bankIconPath(bankId: string): string {
  return `/api/banks/${bankId}/icon`
}

const ICON_PATH = /^\/api\/banks\/[^/]+\/icon$/

/**
 * `true` for `GET /api/banks/:bankId/icon`: the one `/api` route an `<img>` loads, so it
 * carries no `X-CSRF` header (it reads public bank logos, never session data) and answers
 * with its own cache and content-security headers.
 *
 * @param pathname - the request URL's path
 */
export function isBankIconPath(pathname: string): boolean {
  return ICON_PATH.test(pathname)
}
