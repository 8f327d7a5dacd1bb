import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'sim',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: true,
    // Whole OAuth flows (key generation, PAR, consent, token) on two shared cores: a bound
    // against a hang, not a speed target.
    testTimeout: 20_000,
  },
})
