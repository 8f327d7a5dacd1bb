import { defineConfig } from 'tsup'

// The published build (docs/packaging.md): ESM with bundled declarations. Playwright and the
// simulator stay external (a peer and a dependency).
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: true,
  clean: true,
})
