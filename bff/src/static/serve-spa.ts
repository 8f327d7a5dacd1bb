import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { Hono } from 'hono'

// Headers for the app's own files. The app sets its own Content-Security-Policy (a meta tag or
// the host's proxy): the BFF's deny-all API policy would stop the SPA from running.
const SPA_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/**
 * Serves a built single-page app from `dir` on the BFF's origin, for teams without a reverse
 * proxy: files as they are (hashed assets cached for a year), and `index.html` for any other
 * GET that asks for HTML so client-side routes survive a reload.
 *
 * @param dir - the SPA's build output (for Vite, `dist/`); must contain `index.html`
 * @throws TypeError when `dir` has no `index.html`
 */
export async function serveSpa(dir: string): Promise<Hono> {
  const root = resolve(dir)
  if (!existsSync(join(root, 'index.html'))) {
    throw new TypeError(`staticDir: ${root} has no index.html (build the app first)`)
  }
  // Loaded only when a SPA is served: most deployments serve it from a proxy, and the file
  // server's modules would add to every start (docs/performance.md, cold start).
  const { serveStatic } = await import('@hono/node-server/serve-static')
  const spa = new Hono()
  spa.use(async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SPA_HEADERS)) c.res.headers.set(name, value)
    const immutable = c.req.path.startsWith('/assets/') && c.res.status === 200
    c.res.headers.set(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
  })
  spa.use(serveStatic({ root }))
  const index = serveStatic({ root, path: 'index.html' })
  spa.get('*', (c, next) =>
    c.req.header('accept')?.includes('text/html') ? index(c, next) : next(),
  )
  return spa
}
