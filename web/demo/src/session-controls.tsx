import { useLogout, useSession } from '@mhkit/react'
import { useId, useState, type FormEvent } from 'react'
import { useEventLog } from './event-log'
import { navigate } from './router'
import { announceSessionChange } from './session-channel'
import { useDemoAuth } from './use-demo-auth'

/**
 * The demo host's sign-in form: a name, no password, and labelled as a demo so nobody takes it
 * for real authentication. Shown only when the demo runs behind its host server.
 */
function DemoSignInForm({ onSignIn, busy }: { onSignIn: (name: string) => void; busy: boolean }) {
  const id = useId()
  const [name, setName] = useState('')
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (name.trim() !== '') onSignIn(name.trim())
  }
  return (
    <form className="demo-signin" aria-label="Demo sign-in" onSubmit={submit}>
      <label htmlFor={id}>Demo sign-in</label>
      <input
        id={id}
        className="demo-input"
        name="name"
        autoComplete="username"
        placeholder="Your name"
        maxLength={40}
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="demo-button" data-variant="secondary" disabled={busy}>
        Sign in
      </button>
    </form>
  )
}

/**
 * The header's session controls. Behind the demo host: the demo sign-in, or who is signed in
 * and a Log out that ends both the host sign-in and the BFF session (the banks stay bound to
 * the host user, so signing in again finds them). On the plain BFF: the BFF session only.
 */
export function SessionControls() {
  const session = useSession()
  const logout = useLogout()
  const { me, signIn, signOut } = useDemoAuth()
  const { record } = useEventLog()
  const host = me.data
  const user = host?.user ?? null

  const logOut = async (): Promise<void> => {
    if (user !== null) await signOut.mutateAsync()
    // Every tab drops the previous person's data: the kit's SessionSync says so when it sees
    // the BFF session end, and the demo says it too, since the host sign-out is the demo's and
    // this tab's SessionSync may see its session refetched only after the announcement.
    await logout.mutateAsync()
    announceSessionChange('signed-out')
    record('logout')
    navigate('/')
  }
  const busy = logout.isPending || signOut.isPending || signIn.isPending
  const logOutButton = (
    <button
      type="button"
      className="demo-button"
      data-variant="secondary"
      disabled={busy}
      onClick={() => void logOut().catch(() => undefined)}
    >
      Log out
    </button>
  )

  if (user !== null) {
    return (
      <span className="demo-session">
        <span role="status">
          Signed in as <strong>{user.name}</strong>
        </span>
        <span className="demo-badge">demo sign-in</span>
        {logOutButton}
      </span>
    )
  }
  const signInForm =
    host === undefined ? null : (
      <DemoSignInForm
        busy={busy}
        onSignIn={(name) =>
          signIn.mutate(name, {
            onSuccess: () => {
              announceSessionChange()
              record('demo:sign-in')
              navigate('/')
            },
          })
        }
      />
    )
  if (session.isPending) return <span className="demo-session">Checking session…</span>
  if (session.data?.authenticated !== true) {
    return (
      <span className="demo-session">
        {signInForm}
        <span role="status">Not signed in</span>
      </span>
    )
  }
  return (
    <span className="demo-session">
      {signInForm}
      <span role="status">Signed in</span>
      {logOutButton}
    </span>
  )
}
