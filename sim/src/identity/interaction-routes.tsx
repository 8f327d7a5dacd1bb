/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import type Provider from 'oidc-provider'

import { banksForSet, MOCK_BANK_ID, type SimBank } from '../banks'
import type { SimState } from '../state'
import { readIntent, type AuthorizationIntent } from './authorization-intent'
import { hasReference, INVALID_REQUEST_REFERENCE } from './authorization-rules'
import { describeIntent } from './describe-intent'
import { historyLimitProblem } from './history-limit'
import { BankChooserPage, ConsentPage, ErrorPage, SIM_CSS, type AppLink } from './pages'
import { recordConsent } from './record-consent'
import { isRecord } from './authorization-intent'
import { ClaimName } from '@mhkit/shared'

const EXPIRED = 'This sign-in session has expired. Start again from the app.'
/** How many recently shown interactions keep their way back to the app. */
const REMEMBERED_APPS = 1000

/**
 * Banks the request may use: the `id:*` selection, narrowed to banks that take payments for
 * payment-type requests.
 *
 * @param intent - The authorisation request.
 * @param state - The simulator's connections (an existing connection fixes the bank).
 * @returns The banks to offer.
 */
function bankChoices(intent: AuthorizationIntent, state: SimState): SimBank[] {
  const existing = intent.requestedConnectionId
    ? state.connections.get(intent.requestedConnectionId)
    : undefined
  if (existing) return banksForSet(existing.bankId)
  const offered = banksForSet(intent.bankSelector)
  const paying = intent.kind !== 'ais' && !LIFECYCLE.has(intent.kind)
  return paying ? offered.filter((bank) => bank.payments) : offered
}

const LIFECYCLE = new Set(['reauth', 'refresh', 'reconsent'])

/**
 * The bank to show the consent page for: the only choice, or the one picked in the chooser
 * (which must be among the choices).
 */
function chooseBank(choices: SimBank[], picked: string | undefined): SimBank | undefined {
  if (choices.length === 1) return choices[0]
  return choices.find((bank) => bank.id === picked)
}

/** What the bank pages need from the simulator. */
export interface InteractionDeps {
  provider: () => Provider
  state: SimState
  now: () => Date
  /** Drop an oidc-provider browser session by its uid. */
  forgetSession: (uid: string) => void
}

/**
 * The bank pages on the identity host: `GET /interaction/:uid` (bank chooser, or the consent
 * page once a bank is known), `POST /interaction/:uid/confirm` (Approve or Deny), and the
 * stylesheet. They run inside oidc-provider's interaction (its cookies bind them to the
 * authorisation request), so they need the Node request and response.
 *
 * @param deps - Provider accessor, state and clock.
 * @returns A Hono app to mount at the identity host's root.
 */
export function interactionRoutes(deps: InteractionDeps) {
  const app = new Hono<{ Bindings: HttpBindings }>()

  app.get('/assets/sim.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8')
    c.header('cache-control', 'public, max-age=300')
    return c.body(SIM_CSS)
  })

  const details = async (
    incoming: HttpBindings['incoming'],
    outgoing: HttpBindings['outgoing'],
  ) => {
    try {
      return await deps.provider().interactionDetails(incoming, outgoing)
    } catch {
      return undefined
    }
  }

  // The app each recently shown interaction belongs to, so a page reached after its sign-in
  // session ended (Back to a used consent page, a stale tab) still offers the way back.
  const appsByUid = new Map<string, AppLink>()
  const rememberApp = (uid: string, app: AppLink) => {
    appsByUid.delete(uid)
    appsByUid.set(uid, app)
    if (appsByUid.size > REMEMBERED_APPS) {
      const oldest = appsByUid.keys().next().value
      if (oldest !== undefined) appsByUid.delete(oldest)
    }
  }
  const expired = (uid: string) => <ErrorPage message={EXPIRED} app={appsByUid.get(uid)} />

  /** The app's display name (`client_name`, else its id) and the origin of its redirect URI. */
  const appOf = async (params: Record<string, unknown>): Promise<AppLink> => {
    const clientId = String(params.client_id)
    const client = await deps.provider().Client.find(clientId)
    const name = typeof client?.clientName === 'string' ? client.clientName : clientId
    let href = '/'
    try {
      href = `${new URL(String(params.redirect_uri)).origin}/`
    } catch {
      // No usable redirect URI: the link stays on this host's root.
    }
    return { name, href }
  }

  app.get('/interaction/:uid', async (c) => {
    const interaction = await details(c.env.incoming, c.env.outgoing)
    if (!interaction || interaction.uid !== c.req.param('uid')) {
      return c.html(expired(c.req.param('uid')), 400)
    }
    const intent = readIntent(interaction.params)
    const appLink = await appOf(interaction.params)
    rememberApp(interaction.uid, appLink)
    const choices = bankChoices(intent, deps.state)
    const bank = chooseBank(choices, c.req.query('bankId'))
    if (choices.length === 0) {
      const returnTo = await deps
        .provider()
        .interactionResult(
          c.env.incoming,
          c.env.outgoing,
          { error: 'invalid_request', error_description: 'no bank offered supports this request' },
          { mergeWithLastSubmission: false },
        )
      return c.redirect(returnTo, 303)
    }
    if (!bank) {
      return c.html(
        <BankChooserPage uid={interaction.uid} appName={appLink.name} banks={choices} />,
      )
    }
    const historyProblem = historyLimitProblem(intent, bank, deps.now())
    if (historyProblem !== undefined) {
      // A bank picked in the chooser that gives less history than asked for
      // (docs/moneyhub-protocol.md §4.3).
      const returnTo = await deps
        .provider()
        .interactionResult(
          c.env.incoming,
          c.env.outgoing,
          { error: 'invalid_request', error_description: historyProblem },
          { mergeWithLastSubmission: false },
        )
      return c.redirect(returnTo, 303)
    }
    if (intent.kind === 'payment' && bank.id === MOCK_BANK_ID) {
      // A mock bank picked in the chooser gets the same "fails before the redirect" treatment.
      const value = intent.claims[ClaimName.payment]?.value
      if (isRecord(value) && hasReference(value, INVALID_REQUEST_REFERENCE)) {
        const returnTo = await deps.provider().interactionResult(
          c.env.incoming,
          c.env.outgoing,
          {
            error: 'invalid_request',
            error_description: 'the bank rejected the payment request',
          },
          { mergeWithLastSubmission: false },
        )
        return c.redirect(returnTo, 303)
      }
    }
    const { heading, terms } = describeIntent(intent, bank, deps.now(), deps.state.payees)
    return c.html(
      <ConsentPage
        uid={interaction.uid}
        appName={appLink.name}
        bank={bank}
        heading={heading}
        terms={terms}
      />,
    )
  })

  app.post('/interaction/:uid/confirm', async (c) => {
    const interaction = await details(c.env.incoming, c.env.outgoing)
    if (!interaction || interaction.uid !== c.req.param('uid')) {
      return c.html(expired(c.req.param('uid')), 400)
    }
    const form = await c.req.parseBody()
    const provider = deps.provider()
    if (form.decision !== 'approve') {
      const returnTo = await provider.interactionResult(
        c.env.incoming,
        c.env.outgoing,
        {
          error: 'access_denied',
          error_description: 'The user denied the request',
        },
        { mergeWithLastSubmission: false },
      )
      return c.redirect(returnTo, 303)
    }
    const intent = readIntent(interaction.params)
    const requested = typeof form.bankId === 'string' ? form.bankId : undefined
    const bank = chooseBank(bankChoices(intent, deps.state), requested)
    if (!bank) {
      return c.html(<ErrorPage message="Choose one of the banks offered first." />, 400)
    }
    const clientId = String(interaction.params.client_id)
    const historyProblem = historyLimitProblem(intent, bank, deps.now())
    if (historyProblem !== undefined) {
      const returnTo = await provider.interactionResult(
        c.env.incoming,
        c.env.outgoing,
        { error: 'invalid_request', error_description: historyProblem },
        { mergeWithLastSubmission: false },
      )
      return c.redirect(returnTo, 303)
    }
    let recorded
    try {
      recorded = recordConsent({ intent, clientId, bank, state: deps.state, now: deps.now() })
    } catch {
      const returnTo = await provider.interactionResult(
        c.env.incoming,
        c.env.outgoing,
        {
          error: 'invalid_request',
          error_description: 'the requested user or connection no longer exists',
        },
        { mergeWithLastSubmission: false },
      )
      return c.redirect(returnTo, 303)
    }
    if (interaction.session?.uid) {
      // Every Moneyhub connection starts afresh; a browser session left by an earlier flow
      // (perhaps another user) would make oidc-provider ask to log that user out first.
      deps.forgetSession(interaction.session.uid)
      interaction.session = undefined
      await interaction.save(Math.max(1, (interaction.exp ?? 0) - Math.floor(Date.now() / 1000)))
    }
    const grant = new provider.Grant({ accountId: recorded.accountId, clientId })
    if (typeof interaction.params.scope === 'string') grant.addOIDCScope(interaction.params.scope)
    grant.addOIDCClaims(['sub', ...Object.keys(intent.claims)])
    const grantId = await grant.save()
    deps.state.grantOutcomes.set(grantId, recorded.outcome)
    const returnTo = await provider.interactionResult(
      c.env.incoming,
      c.env.outgoing,
      { login: { accountId: recorded.accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    )
    return c.redirect(returnTo, 303)
  })

  return app
}
