#!/usr/bin/env node
// `pnpm dev`: placeholder until the simulator, BFF and demo exist; runs the shared package's
// tests in watch mode.
import { spawn } from 'node:child_process'

spawn('pnpm', ['--filter', '@mhkit/shared', 'dev'], { stdio: 'inherit' }).on('exit', (c) =>
  process.exit(c ?? 0),
)
