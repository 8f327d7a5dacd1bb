import { BffError } from './bff-error'
import type * as ContractSchemas from './contract-schemas'

/** The lazily loaded response-check module (see contract-schemas.ts). */
export type ContractSchemasModule = typeof ContractSchemas

let pending: Promise<ContractSchemasModule> | undefined

/**
 * Loads the response checks (shared schemas + zod) once per page. `createBffClient` calls it
 * when a client is created, so the chunk downloads in parallel with the first request; every
 * request awaits it before returning data.
 *
 * A failed load (offline, a deploy removed the chunk) is not remembered, so the next request
 * tries again instead of failing forever.
 *
 * @returns the loaded module
 * @throws BffError `network_error` when the module cannot be loaded; never unvalidated data
 */
export function loadContractSchemas(): Promise<ContractSchemasModule> {
  pending ??= import('./contract-schemas').then(
    (module) => module,
    (cause: unknown) => {
      pending = undefined
      throw new BffError('network_error', 'The checks for server answers could not be loaded.', {
        cause,
      })
    },
  )
  return pending
}
