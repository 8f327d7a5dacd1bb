import { defineConfig } from 'vitest/config'

// Tests of the root scripts (scripts/dev.mjs and its helpers), run as plain Node.
export default defineConfig({
  test: {
    name: 'scripts',
    include: ['**/*.test.mjs'],
    testTimeout: 90_000,
  },
})
