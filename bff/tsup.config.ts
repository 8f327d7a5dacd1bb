import { defineConfig } from 'tsup'

// The published build (docs/packaging.md): the library, the Node entry, the protocol client
// and the `mhkit-bff` command, as ESM with bundled declarations. Dependencies stay external;
// the store drivers are optional peers loaded only when their store is chosen.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    moneyhub: 'src/moneyhub/index.ts',
    server: 'src/server.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', moneyhub: 'src/moneyhub/index.ts' } },
  splitting: true,
  clean: true,
})
