/**
 * jose, loaded on its first use. Verifying a JWT or generating a key happens well after the
 * server answers its first request, and loading jose's modules is a measurable part of a cold
 * start (docs/performance.md, "Cold start"), so no module on the start path imports its values.
 */
import type * as JoseModule from 'jose'

type Jose = typeof JoseModule

let loading: Promise<Jose> | undefined

/** The jose module; the first call loads it, later calls share that load. */
export function loadJose(): Promise<Jose> {
  return (loading ??= import('jose'))
}
