#!/usr/bin/env node
// Builds the kit in memory exactly as scripts/build.mjs does and reports its min+gzip size,
// without peer dependencies and zod (they are external). The root budgets script calls it.
// Usage: node web/kit/scripts/size.mjs [--json]   →   { "bytes": <n>, "budget": 12288 }
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'
import { kitRoot, libraryOptions } from './esbuild-options.mjs'

/** The budget for the kit's JavaScript, min+gzip, in bytes (12 kB). */
export const KIT_BUDGET_BYTES = 12288

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length

/**
 * Builds the kit and measures it.
 * @returns {Promise<{ bytes: number, budget: number, minified: number, css: number }>}
 *   `bytes` is the gzip size of the minified JS; `css` the gzip size of the minified stylesheet.
 */
export async function measureKitSize() {
  const result = await build({ ...libraryOptions, write: false, outfile: 'index.js' })
  const js = result.outputFiles[0]?.contents
  if (!js) throw new Error('esbuild produced no output')
  const css = await transform(readFileSync(join(kitRoot, 'src/styles.css'), 'utf8'), {
    loader: 'css',
    minify: true,
  })
  return {
    bytes: gzipSize(js),
    budget: KIT_BUDGET_BYTES,
    minified: js.length,
    css: gzipSize(Buffer.from(css.code)),
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
  }
  if (size.bytes > size.budget) process.exitCode = 1
}
