/** `GET /readyz` reports each dependency the BFF needs to serve a login. */
import { describe, expect, it } from 'vitest'

import { bffOverSim, simWorldPerFile } from '../support/sim-harness'

const world = simWorldPerFile()

describe('GET /readyz', () => {
  it('answers 200 ready when discovery, the provider JWKS and the store answer', async () => {
    const { app } = bffOverSim(world)
    const res = await app.request('/readyz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { discovery: true, jwks: true, store: true },
    })
  })
})
