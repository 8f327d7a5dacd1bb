import { defineConfig } from 'vitest/config'

// Every package with unit or integration tests is a project; Playwright specs (e2e/) are run
// by Playwright itself and never collected here.
export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: ['shared', 'sim', 'bff', 'web/kit', 'web/demo', 'playwright', 'scripts'],
  },
})
