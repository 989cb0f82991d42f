#!/usr/bin/env node
// The `marginalia` command (npx marginalia ...): runs electron/cli/main.ts through tsx.
import { register } from 'tsx/esm/api'

register()
// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})
const { run } = await import('../electron/cli/main.ts')
process.exitCode = await run(process.argv.slice(2))
