import { defineConfig } from 'tsup'

// Declarations only: scripts/build.mjs bundles the JavaScript itself with esbuild, because the
// size budget measures exactly that output (scripts/esbuild-options.mjs). @mhkit/shared is
// bundled into the JavaScript, so its types are inlined here too (read from shared's own build
// through the `paths` of tsconfig.build.json) and the published kit needs
// no other @mhkit package (docs/packaging.md).
export default defineConfig({
  entry: { index: 'src/index.ts', checks: 'src/checks.ts' },
  format: 'esm',
  dts: { only: true },
  tsconfig: 'tsconfig.build.json',
  clean: false,
})
