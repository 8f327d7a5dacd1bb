#!/usr/bin/env node
// Builds the kit in memory exactly as scripts/build.mjs does and reports its min+gzip size,
// without peer dependencies and zod (they are external): the sum over ALL emitted JS files (the
// entry and every chunk, e.g. the lazily loaded response checks), each gzipped on its own as a
// browser downloads it. The root budgets script calls it.
// Usage: node web/kit/scripts/size.mjs [--json]   →   { "bytes": <n>, "budget": 12288 }
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'
import { kitRoot, libraryOptions } from './esbuild-options.mjs'

/** The budget for the kit's JavaScript, min+gzip, in bytes (12 kB). */
export const KIT_BUDGET_BYTES = 12288

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length

/**
 * Builds the kit and measures it.
 * @returns {Promise<{ bytes: number, budget: number, minified: number, css: number, files: Array<{ path: string, bytes: number }> }>}
 *   `bytes` is the summed gzip size of every minified JS file; `files` each file's share;
 *   `css` the gzip size of the minified stylesheet.
 */
export async function measureKitSize() {
  const outdir = join(kitRoot, 'dist')
  const result = await build({ ...libraryOptions, write: false, outdir })
  const jsFiles = result.outputFiles.filter((file) => file.path.endsWith('.js'))
  if (jsFiles.length === 0) throw new Error('esbuild produced no output')
  const files = jsFiles.map((file) => ({
    path: relative(outdir, file.path).split(sep).join('/'),
    bytes: gzipSize(file.contents),
    minified: file.contents.length,
  }))
  const css = await transform(readFileSync(join(kitRoot, 'src/styles.css'), 'utf8'), {
    loader: 'css',
    minify: true,
  })
  return {
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    budget: KIT_BUDGET_BYTES,
    minified: files.reduce((sum, file) => sum + file.minified, 0),
    css: gzipSize(Buffer.from(css.code)),
    files: files.map(({ path, bytes }) => ({ path, bytes })),
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await measureKitSize()
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ bytes: size.bytes, budget: size.budget }))
  } else {
    const verdict = size.bytes <= size.budget ? 'within' : 'OVER'
    console.log(
      `@mhkit/react: ${size.bytes} B min+gzip (${size.minified} B minified), ${verdict} the ` +
        `${size.budget} B budget; styles.css ${size.css} B min+gzip`,
    )
    for (const file of size.files) console.log(`  ${file.path}: ${file.bytes} B`)
  }
  if (size.bytes > size.budget) process.exitCode = 1
}
