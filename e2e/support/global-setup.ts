import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { DEMO_E2E_OUT_DIR, repoRoot } from './stack'

/**
 * Builds the demo once per run so every worker's stack serves the current source with
 * `vite preview`. Set `E2E_SKIP_BUILD=1` to reuse an existing build.
 *
 * The build uses React's development mode on purpose: `<StrictMode>` double-invokes effects
 * only there, and the whole suite must prove that a connect callback still completes once.
 * (The size budget measures the production build separately, in scripts/budgets.mjs.)
 *
 * @throws Error with Vite's output when the build fails
 */
export default function globalSetup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return
  const cwd = join(repoRoot, 'web', 'demo')
  const result = spawnSync(
    join(cwd, 'node_modules', '.bin', 'vite'),
    [
      'build',
      '--mode',
      'development',
      '--outDir',
      DEMO_E2E_OUT_DIR,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NODE_ENV: 'development' },
    },
  )
  if (result.status !== 0) {
    throw new Error(`vite build of web/demo failed:\n${result.stdout}\n${result.stderr}`)
  }
}
