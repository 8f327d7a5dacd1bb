import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'demo',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    passWithNoTests: true,
  },
})
