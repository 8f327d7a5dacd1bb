import { config } from 'zod'

// Zod 4 builds a `new Function` fast path for object schemas, and probes once whether `new
// Function` is allowed. Under a strict Content-Security-Policy (no 'unsafe-eval') even the caught
// probe is reported as a `script-src` violation. Both the probe (`util.allowsEval`) and the
// choice of the JIT parser are made when a schema is CONSTRUCTED, so this must run before any
// contract schema is built: contract-schemas.ts imports this module ahead of @mhkit/shared.
// The setting is zod's global configuration, shared with the app's own zod use.
config({ jitless: true })

/**
 * `true` once zod runs without code generation. contract-schemas.ts re-exports it, and
 * package.json lists this file under `sideEffects`, so no bundler drops this module as unused.
 */
export const zodJitless: boolean = config().jitless === true
