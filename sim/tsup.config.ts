import { defineConfig } from 'tsup'

// The published build (docs/packaging.md): the `startSimulator` library and the `mhkit-sim`
// command, as ESM with bundled declarations. The bank pages are Hono JSX.
export default defineConfig({
  entry: { index: 'src/index.ts', main: 'src/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  clean: true,
  esbuildOptions(options) {
    options.jsx = 'automatic'
    options.jsxImportSource = 'hono/jsx'
  },
})
