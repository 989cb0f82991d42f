#!/usr/bin/env node
// `npm start [-- projectDir]`: the desktop app when the Electron runtime is installed; otherwise
// one sentence saying so, and the same workbench in browser mode.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureRendererBuilt } from './build-if-needed.js'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

/** The Electron executable, if its runtime is on this machine (never triggers a download). */
function electronBinary() {
  const pkg = join(repo, 'node_modules', 'electron')
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

const electron = electronBinary()
if (!electron) {
  console.log(
    'The Electron runtime is not installed on this machine (it could not be downloaded), so Marginalia opens in browser mode instead.',
  )
}
ensureRendererBuilt()
if (electron) {
  const child = spawn(electron, [repo, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  const { main } = await import('../electron/serve/main.ts')
  await main(args)
}
