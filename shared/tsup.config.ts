import { defineConfig } from 'tsup'

// The published build: ESM JavaScript and one bundled declaration file (docs/packaging.md).
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  clean: true,
})
