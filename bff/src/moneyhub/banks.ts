/**
 * Bank lists: `GET {issuer}/.well-known/<kind>-connections`, a bare array
 * (docs/moneyhub-protocol.md §9.8).
 */
import type { ClientContext } from './internal/context'
import { errorFromReply, parseJson, parseShape } from './internal/responses'
import { sendText } from './internal/transport'
import { listSchema, mhBankSchema, type MhBank } from './schemas'

/** Bank list kinds (`/.well-known/<kind>-connections`). */
export type BankListKind = 'all' | 'api' | 'legacy' | 'test' | 'payments' | 'beta'

const KINDS: readonly BankListKind[] = ['all', 'api', 'legacy', 'test', 'payments', 'beta']

/**
 * List banks of one kind (no authentication).
 *
 * @throws TypeError for an unknown kind; MoneyhubError upstream codes, `invalid_upstream_response`
 */
export async function listBanks(ctx: ClientContext, kind: BankListKind): Promise<MhBank[]> {
  if (!KINDS.includes(kind)) throw new TypeError(`kind must be one of ${KINDS.join(', ')}`)
  const url = new URL(`${ctx.issuer.replace(/\/+$/, '')}/.well-known/${kind}-connections`)
  url.searchParams.set('clientId', ctx.clientId)
  const reply = await sendText(ctx.t, {
    method: 'GET',
    url: url.href,
    kind: 'identity',
    headers: { accept: 'application/json' },
    retry: true,
  })
  if (reply.status !== 200) throw errorFromReply(reply, ctx.t.now())
  return parseShape(listSchema(mhBankSchema), parseJson(reply), reply.status)
}
