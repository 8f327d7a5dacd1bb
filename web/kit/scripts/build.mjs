#!/usr/bin/env node
// Builds the publishable library into dist/:
//   dist/index.js    ESM, minified, tree-shaken; peers and zod external, @mhkit/shared bundled
//   dist/chunks/*.js the lazily loaded response checks (shared schemas; imports zod)
//   dist/index.d.ts  declarations (tsc), with @mhkit/shared's declarations shipped alongside
//   dist/styles.css  the one stylesheet, minified
// Usage: node scripts/build.mjs [--skip-types]   (--skip-types: JS and CSS only, for fast tests)
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { build, transform } from 'esbuild'
import { kitRoot, libraryOptions } from './esbuild-options.mjs'

const dist = join(kitRoot, 'dist')
const typesRoot = join(dist, 'types')

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

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
  const tsc = createRequire(join(kitRoot, 'package.json')).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', join(kitRoot, 'tsconfig.build.json')], {
    stdio: 'inherit',
  })
  // The kit's declarations name '@mhkit/shared', which is never published: point them at the
  // shared declarations emitted next to them instead.
  const sharedIndex = join(typesRoot, 'shared/src/index')
  for (const file of walk(join(typesRoot, 'web/kit/src'))) {
    if (!file.endsWith('.d.ts')) continue
    const text = readFileSync(file, 'utf8')
    if (!text.includes('@mhkit/shared')) continue
    let target = relative(dirname(file), sharedIndex).split(sep).join('/')
    if (!target.startsWith('.')) target = `./${target}`
    writeFileSync(file, text.replaceAll(/(['"])@mhkit\/shared\1/g, `'${target}'`))
  }
  writeFileSync(join(dist, 'index.d.ts'), "export * from './types/web/kit/src/index'\n")
}

const skipTypes = process.argv.includes('--skip-types')
// A JS-only rebuild leaves earlier declarations in place.
if (!skipTypes) rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })
await Promise.all([buildJs(), buildCss()])
if (!skipTypes) buildTypes()
console.log(`@mhkit/react built into ${relative(process.cwd(), dist) || '.'}`)
