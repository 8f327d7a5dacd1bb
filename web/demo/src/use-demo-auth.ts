import { mhkitKeys } from '@mhkit/react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

/** The demo host's signed-in user (web/demo/server/demo-auth-routes.ts). */
interface DemoUser {
  readonly name: string
  readonly hasBanks: boolean
}

/** `undefined`: no demo host answers (the plain BFF), so the demo runs with guests only. */
type Me = { readonly user: DemoUser | null } | undefined

const ME_KEY = ['demo-auth', 'me'] as const

// The host's routes keep the BFF's rules: X-CSRF on every request, JSON writes, same origin.
async function call(path: string, body?: unknown): Promise<Response> {
  return fetch(`/api/demo-auth/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: {
      'X-CSRF': '1',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

function isDemoUser(value: unknown): value is DemoUser {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    typeof value.name === 'string' &&
    'hasBanks' in value &&
    typeof value.hasBanks === 'boolean'
  )
}

async function readMe(response: Response): Promise<Me> {
  if (!response.ok) throw new Error(`demo sign-in answered ${response.status}`)
  const body: unknown = await response.json()
  const user = typeof body === 'object' && body !== null && 'user' in body ? body.user : null
  return { user: isDemoUser(user) ? user : null }
}

/**
 * The demo host's sign-in: who is signed in (`me`; `undefined` when the app runs on the plain
 * BFF, which has no such routes), `signIn(name)` and `signOut()`. Signing in or out changes
 * whose banks the BFF shows (the host's `userBinding`), so both drop the kit's cached data
 * and refetch the session.
 */
export function useDemoAuth() {
  const queryClient = useQueryClient()
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me> => {
      const response = await call('me')
      // The plain BFF: no host, no demo sign-in (and nothing to retry).
      if (response.status === 404) return undefined
      return readMe(response)
    },
    retry: false,
    refetchOnWindowFocus: true,
  })
  const switchUser = async (me: Me): Promise<void> => {
    queryClient.setQueryData(ME_KEY, me)
    queryClient.removeQueries({ queryKey: mhkitKeys.all })
    await queryClient.invalidateQueries({ queryKey: mhkitKeys.session() })
  }
  const signIn = useMutation({
    mutationFn: async (name: string) => readMe(await call('sign-in', { name })),
    onSuccess: switchUser,
  })
  const signOut = useMutation({
    mutationFn: async () => readMe(await call('sign-out', {})),
    onSuccess: switchUser,
  })
  return { me, signIn, signOut }
}
