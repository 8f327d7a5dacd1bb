/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from 'hono/html'
import type { Child, FC } from 'hono/jsx'

import type { SimBank } from '../banks'

/** One row of the "what you are agreeing to" list on the consent page. */
export interface ConsentTerm {
  label: string
  value: string
}

const Layout: FC<{ title: string; children?: Child }> = ({ title, children }) => (
  <>
    {raw('<!doctype html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title} · Moneyhub simulator</title>
        <link rel="stylesheet" href="/assets/sim.css" />
      </head>
      <body>
        <header>
          <p class="brand">Moneyhub simulator</p>
        </header>
        <main>{children}</main>
      </body>
    </html>
  </>
)

/** The app a bank page was opened for: its display name and where "back to the app" goes. */
export interface AppLink {
  name: string
  href: string
}

const BankIcon: FC<{ bank: SimBank }> = ({ bank }) => (
  <img class="bank-icon" src={`/bank-icons/${bank.bankRef}`} alt="" width="32" height="32" />
)

/** Leaves the bank pages without agreeing: the app is told `access_denied`. */
const CancelForm: FC<{ uid: string; appName: string }> = ({ uid, appName }) => (
  <form class="cancel" method="post" action={`/interaction/${uid}/confirm`}>
    <button type="submit" name="decision" value="cancel" class="link">
      Cancel and go back to {appName}
    </button>
  </form>
)

/**
 * The bank chooser: one submit button per bank, named after the bank, with its logo; and a way
 * back to the app.
 *
 * @param props - Interaction uid, the requesting app's display name and the banks on offer.
 */
export const BankChooserPage: FC<{ uid: string; appName: string; banks: SimBank[] }> = ({
  uid,
  appName,
  banks,
}) => (
  <Layout title="Choose your bank">
    <h1>Choose your bank</h1>
    <p>
      <strong>{appName}</strong> would like to connect to your bank through Moneyhub.
    </p>
    <form method="get" action={`/interaction/${uid}`}>
      <ul class="banks">
        {banks.map((bank) => (
          <li>
            <button type="submit" name="bankId" value={bank.id}>
              <BankIcon bank={bank} />
              {bank.name}
            </button>
          </li>
        ))}
      </ul>
    </form>
    <CancelForm uid={uid} appName={appName} />
  </Layout>
)

/**
 * The consent page: what is asked, then Approve and Deny buttons.
 *
 * @param props - Interaction uid, chosen bank, heading and the terms to show.
 */
export const ConsentPage: FC<{
  uid: string
  appName: string
  bank: SimBank
  heading: string
  terms: ConsentTerm[]
}> = ({ uid, appName, bank, heading, terms }) => (
  <Layout title={heading}>
    <p class="bank">
      <BankIcon bank={bank} />
      <span>{bank.name}</span>
    </p>
    <h1>{heading}</h1>
    <p>
      <strong>{appName}</strong> is asking, through Moneyhub, for your consent at{' '}
      <strong>{bank.name}</strong>.
    </p>
    <dl class="terms">
      {terms.map((term) => (
        <>
          <dt>{term.label}</dt>
          <dd>{term.value}</dd>
        </>
      ))}
    </dl>
    <form method="post" action={`/interaction/${uid}/confirm`}>
      <input type="hidden" name="bankId" value={bank.id} />
      <button type="submit" name="decision" value="approve" class="primary">
        Approve
      </button>
      <button type="submit" name="decision" value="deny">
        Deny
      </button>
    </form>
  </Layout>
)

/**
 * A plain error page for interactions that cannot continue (expired or unknown), with a link
 * back to the app when the simulator still knows which app opened the page.
 *
 * @param props - The message to show, and the app to go back to.
 */
export const ErrorPage: FC<{ message: string; app?: AppLink | undefined }> = ({ message, app }) => (
  <Layout title="Something went wrong">
    <h1>Something went wrong</h1>
    <p role="alert">{message}</p>
    {app === undefined ? (
      <p>Close this page and start again from the app.</p>
    ) : (
      <p>
        <a href={app.href}>Back to {app.name}</a>
      </p>
    )}
  </Layout>
)

/** The bank pages' stylesheet, served at `/assets/sim.css` (no inline styles or scripts). */
export const SIM_CSS = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1f; background: #f6f7f9; }
header { background: #0b3d5c; color: #fff; padding: 0.75rem 1.5rem; }
.brand { margin: 0; font-weight: 600; }
main { max-width: 36rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; }
@media (max-width: 40rem) { main { margin: 0; border-radius: 0; padding: 1.25rem 1rem; } }
ul.banks { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 6px; border: 1px solid #0b3d5c; background: #fff; color: #0b3d5c; cursor: pointer; }
ul.banks button { width: 100%; text-align: left; display: flex; align-items: center; gap: 0.75rem; }
.bank-icon { width: 2rem; height: 2rem; border-radius: 0.45rem; flex: none; }
p.bank { display: flex; align-items: center; gap: 0.6rem; margin: 0 0 0.5rem; font-weight: 600; }
form.cancel { margin-top: 1.25rem; }
button.link { border: none; background: none; padding: 0.4rem 0; text-decoration: underline; }
a { color: #0b3d5c; }
button.primary { background: #0b3d5c; color: #fff; margin-right: 0.5rem; }
button:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
dl.terms { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
`
