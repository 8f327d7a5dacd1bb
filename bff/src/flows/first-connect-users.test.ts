import { describe, expect, it } from 'vitest'

import { createMemoryStore } from '../session/memory-store'
import { createFirstConnectUsers } from './first-connect-users'

/** A user registry that records what was registered and deleted. */
function registry() {
  let next = 0
  const registered: string[] = []
  const deleted: string[] = []
  return {
    registered,
    deleted,
    registerUser: async () => {
      await Promise.resolve()
      const userId = `user-${++next}`
      registered.push(userId)
      return { userId }
    },
    deleteUser: async (userId: string) => {
      await Promise.resolve()
      deleted.push(userId)
    },
  }
}

describe('createFirstConnectUsers', () => {
  it('gives every connect of a browser the user its first connect registered', async () => {
    const users = registry()
    const first = createFirstConnectUsers(createMemoryStore(), users, () => {})
    expect(await first.userFor('browser-a')).toBe('user-1')
    expect(await first.userFor('browser-a')).toBe('user-1')
    expect(await first.userFor('browser-b')).toBe('user-2')
    expect(users.registered).toEqual(['user-1', 'user-2'])
  })

  it('lets two racing tabs share one user and deletes the one that lost', async () => {
    const users = registry()
    const first = createFirstConnectUsers(createMemoryStore(), users, () => {})
    const [a, b] = await Promise.all([first.userFor('browser'), first.userFor('browser')])
    expect(a).toBe(b)
    expect(users.registered).toHaveLength(2)
    expect(users.deleted).toEqual(users.registered.filter((id) => id !== a))
  })

  it('registers a new user once the browser has settled its first', async () => {
    const users = registry()
    const first = createFirstConnectUsers(createMemoryStore(), users, () => {})
    await first.userFor('browser')
    await first.settled('browser')
    expect(await first.userFor('browser')).toBe('user-2')
  })

  it('reports a user it could not delete, and still answers with the shared one', async () => {
    const users = registry()
    const left: unknown[] = []
    const failing = {
      ...users,
      deleteUser: () => Promise.reject(new Error('upstream down')),
    }
    const first = createFirstConnectUsers(createMemoryStore(), failing, (e) => left.push(e))
    const [a, b] = await Promise.all([first.userFor('browser'), first.userFor('browser')])
    expect(a).toBe(b)
    expect(left).toHaveLength(1)
  })
})
