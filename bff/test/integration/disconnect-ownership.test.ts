/**
 * `DELETE /api/connections/:id` acts only on the caller's own connections: another user's id
 * is answered as a missing one, with no upstream call.
 */
import { describe, expect, it } from 'vitest'

import { connectAndApprove, connectionsOf } from '../support/bff-flows'
import { codeOf } from '../support/error-code'
import { bffOverSim, simWorldPerFile } from '../support/sim-harness'

const DELETE_CONNECTION = 'DELETE /users/:id/connection/:connectionId'

const world = simWorldPerFile()

describe('DELETE /api/connections/:id', () => {
  it("answers 404 connection_not_found for another user's connection and deletes nothing upstream", async () => {
    const alice = bffOverSim(world).browser
    const aliceConnection = await connectAndApprove(alice)
    const mallory = bffOverSim(world).browser
    const malloryConnection = await connectAndApprove(mallory)
    expect(aliceConnection).not.toBe(malloryConnection)

    await world.sim.admin.resetCounters()
    const res = await mallory.send(
      'DELETE',
      `/api/connections/${encodeURIComponent(aliceConnection)}`,
    )
    expect(res.status).toBe(404)
    expect(await codeOf(res)).toBe('connection_not_found')
    expect((await world.sim.admin.counters())[DELETE_CONNECTION] ?? 0).toBe(0)
    expect((await connectionsOf(alice)).map((c) => c.id)).toContain(aliceConnection)

    // The counter does count deletes: Mallory's own connection goes, with one upstream call.
    const own = await mallory.send(
      'DELETE',
      `/api/connections/${encodeURIComponent(malloryConnection)}`,
    )
    expect(own.status).toBe(204)
    expect((await world.sim.admin.counters())[DELETE_CONNECTION]).toBe(1)
  })
})
