import type { Context } from 'hono'

import type { AppEnv } from '../context'
import { readTxCookie } from '../session/cookies'
import { hashId, safeEqual } from '../session/ids'
import type { FlowRecord } from './flow-records'

/**
 * Whether the request comes from the browser that started the flow: its login-transaction
 * cookie is the one the flow was started with, or its session is the one the flow names (the
 * starting session, or the one the flow signed in). A flow id alone proves nothing: it travels
 * in URLs (the return page, history, a shared link), so an outcome with its `connectionId` and
 * `returnTo` is shown only to its own browser. docs/security.md LL2.
 *
 * @param c - the request, with `c.var.session` loaded (or set by the callback that signed in)
 * @param flow - the stored flow record
 */
export function ownsFlow(c: Context<AppEnv>, flow: FlowRecord): boolean {
  const browser = readTxCookie(c)
  // Records written before flows were bound carry no browser: nobody owns them.
  if (typeof flow.browserHash !== 'string') return false
  if (browser !== undefined && safeEqual(hashId(browser), flow.browserHash)) return true
  const session = c.var.session
  return (
    session !== undefined &&
    flow.sessionHash !== undefined &&
    safeEqual(hashId(session.id), flow.sessionHash)
  )
}
