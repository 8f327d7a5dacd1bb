import { randomBytes } from 'node:crypto'

import { systemClock } from '../src/clock'
import { createSealer } from '../src/session/sealer'
import { createSessionManager } from '../src/session/sessions'
import { createSqliteStore } from '../src/session/sqlite-store'

/**
 * Writes `count` signed-in sessions into the SQLite file the built BFF will open, through the
 * BFF's own session layer and with the server's encryption key, each holding a sealed refresh
 * token and one connection as a real one does. Returns their cookie values.
 */
export async function seedSessions(
  sqlitePath: string,
  encryptionKey: Buffer,
  count: number,
): Promise<string[]> {
  const store = createSqliteStore({ path: sqlitePath })
  const sessions = createSessionManager({
    store,
    sealer: createSealer(encryptionKey),
    clock: systemClock,
  })
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const session = await sessions.create({
      sub: randomBytes(12).toString('hex'),
      connectionIds: [`1ffe704d39629a929c8e293880fb449a:${i}`],
    })
    session.data.refreshToken = sessions.seal(session, randomBytes(48).toString('base64url'))
    await sessions.save(session)
    ids.push(session.id)
  }
  await store.close()
  return ids
}
