import { isIP } from 'node:net'

/**
 * Whether a listen host is a loopback interface: `localhost`, `127.0.0.0/8` or `::1`. The
 * simulator binds only these unless told otherwise, because it is for dev and test (it turns off
 * oidc-provider's SSRF guard, and its admin API lists live token values).
 *
 * @param host - the `host` / `SIM_HOST` value
 * @returns true for a loopback host; false for any other name or address, `0.0.0.0` and `::`
 *   included (they listen on every interface)
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
  if (bare.toLowerCase() === 'localhost') return true
  if (isIP(bare) === 4) return bare.split('.')[0] === '127'
  if (isIP(bare) === 6) return bare === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(bare)
  return false
}
