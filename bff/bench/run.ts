/**
 * `pnpm --filter @mhkit/bff bench [--quick]`: every performance figure of the BFF from one
 * command, as one table (figure | measured | target | verdict). Method and references:
 * docs/performance.md. The exit code is 0 whatever the verdicts: a shared machine's timings
 * are evidence to read, not a test to pass.
 */
import { formatTable } from './table'
import { runBench } from './run-bench'
import { fullSizes, quickSizes } from './sizes'

const sizes = process.argv.includes('--quick') ? quickSizes : fullSizes
const started = Date.now()
const result = await runBench(sizes, (line) => process.stderr.write(`bench: ${line}\n`))
console.log(`\n@mhkit/bff bench (${sizes.name}), ${new Date().toISOString()}\n`)
console.log(formatTable(result.rows))
console.log('')
for (const note of result.notes) console.log(`- ${note}`)
console.log(`- took ${((Date.now() - started) / 1000).toFixed(0)} s`)
