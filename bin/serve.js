#!/usr/bin/env node
// `npm run serve`: build the renderer when it is missing or older than its sources, then run
// browser mode (electron/serve/main.ts) through tsx.
import { register } from 'tsx/esm/api'
import { ensureRendererBuilt } from './build-if-needed.js'

const args = process.argv.slice(2)
if (!args.includes('--help') && !args.includes('--no-build')) ensureRendererBuilt()
register()
const { main } = await import('../electron/serve/main.ts')
await main(args)
