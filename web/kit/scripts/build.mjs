#!/usr/bin/env node
// Builds the publishable library into dist/:
//   dist/index.js    ESM, tree-shaken, not minified (esbuild-options.mjs says why); peers and
//                    zod external, @mhkit/shared bundled
//   dist/chunks/*.js the lazily loaded response checks (shared schemas; imports zod)
//   dist/index.d.ts  declarations, bundled into one file with @mhkit/shared's types inlined
//   dist/styles.css  the one stylesheet, minified
// Usage: node scripts/build.mjs [--skip-types]   (--skip-types: JS and CSS only, for fast tests)
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build, transform } from 'esbuild'
import { kitRoot, libraryOptions } from './esbuild-options.mjs'

const dist = join(kitRoot, 'dist')
async function buildJs() {
  // A JS-only rebuild must not leave chunks of an earlier build behind (hashed names).
  rmSync(join(dist, 'chunks'), { recursive: true, force: true })
  await build({ ...libraryOptions, outdir: dist })
}

async function buildCss() {
  const source = readFileSync(join(kitRoot, 'src/styles.css'), 'utf8')
  const { code } = await transform(source, { loader: 'css', minify: true })
  writeFileSync(join(dist, 'styles.css'), code)
}

function buildTypes() {
  // One bundled declaration file with @mhkit/shared's types inlined (tsup.config.ts), read from
  // shared's own build, which therefore comes first.
  for (const cwd of [join(kitRoot, '../../shared'), kitRoot]) {
    execFileSync(join(cwd, 'node_modules/.bin/tsup'), ['--silent'], { cwd, stdio: 'inherit' })
  }
}

const skipTypes = process.argv.includes('--skip-types')
// A JS-only rebuild leaves earlier declarations in place.
if (!skipTypes) rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })
await Promise.all([buildJs(), buildCss()])
if (!skipTypes) buildTypes()
console.log(`@mhkit/react built into ${relative(process.cwd(), dist) || '.'}`)
