import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

/**
 * The strict policy the built demo runs under (no inline script or style anywhere, kit
 * included). Served as a header by `vite preview`; the dev server cannot use it because the
 * React refresh preamble is an inline script.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
].join('; ')

// The BFF lives behind the app's own origin, so its cookie can stay strict and there is no
// CORS: `/api` and `/.well-known` are proxied, with the Host and Origin headers untouched
// (the BFF checks Origin against APP_ORIGIN).
const bffUrl = process.env.BFF_URL ?? 'http://127.0.0.1:8787'

// When the BFF is not running, answer in the contract's error shape (instead of Vite's bare
// 500) so the demo shows "the server could not be reached" and the terminal says where to look.
const explainUnreachable: ProxyOptions['configure'] = (proxyServer) => {
  proxyServer.on('error', (error, _request, response) => {
    console.error(`[demo] the BFF is not reachable at ${bffUrl} (${error.message}); is it running?`)
    if (!('writeHead' in response) || response.headersSent) return
    response.writeHead(502, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    response.end(
      JSON.stringify({
        error: {
          code: 'upstream_unavailable',
          message: 'The BFF is not reachable from the dev server.',
          correlationId: 'dev-proxy',
        },
      }),
    )
  })
}

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: bffUrl, changeOrigin: false, configure: explainUnreachable },
  '/.well-known': { target: bffUrl, changeOrigin: false, configure: explainUnreachable },
}

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false, proxy },
  preview: {
    port: 4173,
    proxy,
    headers: {
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    },
  },
  build: {
    // Keeps every asset a file, so nothing is inlined as a data: URL that CSP must allow.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
})
