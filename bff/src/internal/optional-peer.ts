import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * Loads an optional peer dependency (a store driver) the first time a store that needs it is
 * created, so a team that uses one store never installs the other's driver
 * (docs/packaging.md "Optional store drivers"). Both drivers are CommonJS packages, which
 * `require` loads synchronously, so the store factories stay synchronous.
 *
 * @param name - the package name, e.g. `better-sqlite3`
 * @param range - the version range to suggest in the error
 * @param purpose - what needs it, e.g. `SESSION_STORE=sqlite`
 * @throws Error naming the package and the command that installs it, when it is not installed
 */
export function loadOptionalPeer<T>(name: string, range: string, purpose: string): T {
  try {
    return require(name) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error
    throw new Error(
      `${purpose} needs the optional dependency ${name}: install it with \`npm install ${name}@${range}\``,
      { cause: error },
    )
  }
}
