import { describe, expect, it } from 'vitest'

import { simMoneyhub, simWorldPerFile } from '../support/sim-harness'

const world = simWorldPerFile()

/** The upstream requests a step makes, as `METHOD path`. */
async function sentDuring(step: () => Promise<unknown>): Promise<string[]> {
  const from = world.sent.length
  await step()
  return world.sent.slice(from)
}

describe('upstream round trips of a data read', () => {
  it('reads accounts with an emptied token cache in two requests: the token, then the data', async () => {
    const mh = simMoneyhub(world)
    const user = await mh.registerUser({ clientUserId: 'round-trips-1' })
    // Warm the client once (discovery is cached for an hour), then empty the user's tokens.
    await mh.getAccounts(user.userId)
    await mh.forgetUser(user.userId)

    const cold = await sentDuring(() => mh.getAccounts(user.userId))
    expect(cold).toEqual([
      `POST ${new URL(world.sim.issuer).pathname}/token`,
      `GET ${new URL(world.sim.apiUrl).pathname}/accounts`,
    ])
    // No discovery, JWKS or any other call per token: the official client's count exactly.
    const warm = await sentDuring(() => mh.getAccounts(user.userId))
    expect(warm).toEqual([`GET ${new URL(world.sim.apiUrl).pathname}/accounts`])
  })
})
