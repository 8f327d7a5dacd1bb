// @vitest-environment node
/// <reference types="node" />
// Drops the BUILT kit (dist/, not src/) into a tiny consumer app: builds the library, bundles an
// app against dist/index.js with esbuild the way an app's bundler would, and renders it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { QueryClient } from '@tanstack/react-query'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as KitModule from '../src/index'

const kitRoot = fileURLToPath(new URL('..', import.meta.url))
const dist = join(kitRoot, 'dist')
const work = mkdtempSync(join(tmpdir(), 'mhkit-consumer-'))

const consumerApp = `
import { renderToString } from 'react-dom/server.browser'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { jsx, jsxs } from 'react/jsx-runtime'
import { AccountList, ConnectBankButton, MhkitProvider, formatMoney } from '@mhkit/react'

export function renderApp() {
  const queryClient = new QueryClient()
  return renderToString(
    jsx(QueryClientProvider, {
      client: queryClient,
      children: jsxs(MhkitProvider, {
        basePath: '/api',
        children: [jsx(ConnectBankButton, { mode: 'popup' }), jsx(AccountList, {})],
      }),
    }),
  )
}
export const price = formatMoney({ value: -123456, currency: 'GBP' })
`

let bundle = ''

beforeAll(async () => {
  execFileSync(process.execPath, [join(kitRoot, 'scripts/build.mjs'), '--skip-types'], {
    cwd: kitRoot,
    stdio: 'pipe',
  })
  writeFileSync(join(work, 'app.js'), consumerApp)
  await build({
    entryPoints: [join(work, 'app.js')],
    outfile: join(work, 'out.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // The consumer resolves the kit's published entry, i.e. the built file.
    alias: { '@mhkit/react': join(dist, 'index.js') },
    nodePaths: [join(kitRoot, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  bundle = readFileSync(join(work, 'out.mjs'), 'utf8')
}, 60_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the built package', () => {
  it('ships ESM and one stylesheet', () => {
    expect(existsSync(join(dist, 'index.js'))).toBe(true)
    expect(readFileSync(join(dist, 'styles.css'), 'utf8')).toContain('--mhkit-color-primary')
  })

  it('keeps react, react-query and zod external and bundles @mhkit/shared', () => {
    const entry = readFileSync(join(dist, 'index.js'), 'utf8')
    const chunks = readdirSync(join(dist, 'chunks')).filter((name) => name.endsWith('.js'))
    const js = [entry, ...chunks.map((name) => readFileSync(join(dist, 'chunks', name), 'utf8'))]
    const all = js.join('\n')
    // With two entries (`.` and `./checks`), imports both use may sit in a shared chunk.
    expect(all).toMatch(/from\s*"react"/)
    expect(all).toMatch(/from\s*"@tanstack\/react-query"/)
    expect(all).toMatch(/from\s*"zod"/)
    expect(all).not.toContain('@mhkit/shared')
    // The shared contract schemas are in the build (e.g. the flow id rule).
    expect(all).toContain('flowId must be')
    // Only the import statements mention React: no copy of React itself.
    expect(all).not.toContain('__SECRET_INTERNALS')
  })

  it("keeps the schemas' pure annotations, so an app's bundler drops those it never uses", () => {
    const chunks = readdirSync(join(dist, 'chunks')).filter((name) => name.endsWith('.js'))
    const schemas = chunks
      .map((name) => readFileSync(join(dist, 'chunks', name), 'utf8'))
      .find((code) => code.includes('flowId must be'))
    expect(schemas).toMatch(/\/\* @__PURE__ \*\/ \w+\.(strictObject|object)\(/)
  })

  it('keeps zod and the contract schemas out of the entry, in a lazily imported chunk', () => {
    const entry = readFileSync(join(dist, 'index.js'), 'utf8')
    // Not statically imported by the entry: an app's bundler keeps them off its initial JS.
    expect(entry).not.toMatch(/from\s*"zod"/)
    expect(entry).not.toContain('flowId must be')
    const [lazy] = /import\("\.\/chunks\/contract-schemas-[\w-]+\.js"\)/.exec(entry) ?? []
    expect(lazy).toBeDefined()
  })

  it('bundles into a consumer app and renders its components', async () => {
    expect(bundle.length).toBeGreaterThan(0)
    const app = (await import(pathToFileURL(join(work, 'out.mjs')).href)) as {
      renderApp: () => string
      price: string
    }
    const html = app.renderApp()
    expect(html).toContain('Connect your bank')
    expect(html).toContain('Loading accounts')
    expect(html).toContain('aria-busy="true"')
    expect(html).not.toContain('style=')
    expect(app.price).toBe('-£1,234.56')
  }, 60_000)

  it('validates BFF answers with the bundled shared schemas', async () => {
    const kit = (await import(pathToFileURL(join(dist, 'index.js')).href)) as typeof KitModule
    const serve = (body: unknown) =>
      (() =>
        Promise.resolve(
          new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
        )) as typeof fetch
    const flowId = 'flow_abcdefghijklmnop12345'
    const read = (body: unknown) =>
      new QueryClient().fetchQuery(
        kit.flowQueryOptions(kit.createBffClient({ fetch: serve(body) }), flowId),
      )
    await expect(read({ flowId, status: 'pending', kind: 'ais' })).resolves.toMatchObject({
      status: 'pending',
    })
    // A succeeded flow without a result breaks the contract's consistency rule.
    await expect(read({ flowId, status: 'succeeded', kind: 'ais' })).rejects.toMatchObject({
      code: 'invalid_response',
    })
    await expect(read({ flowId: '../x', status: 'pending', kind: 'ais' })).rejects.toMatchObject({
      code: 'invalid_response',
    })
  })
})
