import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'kit',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Resolved from this file so the root runner (vitest projects) finds it too.
    setupFiles: [fileURLToPath(new URL('./test/setup.ts', import.meta.url))],
    passWithNoTests: true,
  },
})
