import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: { name: 'playwright', include: ['src/**/*.test.ts'] },
})
