#!/usr/bin/env node
// The `marginalia` command (npx marginalia ...): runs electron/cli/main.ts through tsx.
import { register } from 'tsx/esm/api'

register()
const { run } = await import('../electron/cli/main.ts')
process.exitCode = await run(process.argv.slice(2))
