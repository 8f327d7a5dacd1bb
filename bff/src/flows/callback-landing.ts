import { FLOW_ERROR_PARAM, returnToWithParam, type ErrorCode } from '@mhkit/shared'
import type { Context } from 'hono'

import type { AppEnv } from '../context'
import { readTxCookie } from '../session/cookies'
import { hashId } from '../session/ids'
import type { FlowRecords } from './flow-records'

/** The registered `redirect_uri` path. */
export const CALLBACK_PATH = '/api/callback'

/**
 * Whether the request is a browser's top-level navigation: Fetch Metadata says so, or, from a
 * browser that sends none, it asks for HTML. A script or test that asks for JSON gets JSON.
 */
export function isNavigation(c: Context<AppEnv>): boolean {
  const mode = c.req.header('sec-fetch-mode')
  if (mode !== undefined) return mode === 'navigate'
  return (c.req.header('accept') ?? '').includes('text/html')
}

/**
 * Where a bad callback reached by navigation lands: `303 <page>?flowError=<code>`, so the person
 * sees the kit's callback page with a way to start again instead of a JSON body. The page is
 * the `returnTo` of the latest flow this browser started (found through its transaction
 * cookie), where the app mounts that page; else the configured `fallback`. Nothing is written: the
 * callback is not proven to belong to any flow. docs/security.md LL3.
 *
 * @param c - the callback request
 * @param flows - where the browser's latest flow is found
 * @param code - the stable error code the page shows
 * @param fallback - the page when the browser has no flow of its own (a safe path; default `/`)
 */
export async function callbackLanding(
  c: Context<AppEnv>,
  flows: Pick<FlowRecords, 'latestForBrowser'>,
  code: ErrorCode,
  fallback = '/',
): Promise<Response> {
  let page = fallback
  const browser = readTxCookie(c)
  if (browser !== undefined) {
    try {
      page = (await flows.latestForBrowser(hashId(browser)))?.returnTo ?? fallback
    } catch (err) {
      // The store is down (the error being answered may be that): the fallback still shows it.
      c.var.log.warn({ err }, 'return page unavailable')
    }
  }
  return c.redirect(returnToWithParam(page, FLOW_ERROR_PARAM, code), 303)
}
