// Builds out/ with electron-vite when out/renderer/index.html is missing or older than any file
// under renderer/, shared/ or electron/, so `npm run serve` and `npm start` always show the
// current code without a separate build step.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/** Run `electron-vite build` if the build is missing or stale; exits the process if it fails. */
export function ensureRendererBuilt() {
  const built = join(repo, 'out', 'renderer', 'index.html')
  const sources = Math.max(...['renderer', 'shared', 'electron'].map((d) => newest(join(repo, d))))
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  console.error('Building Marginalia (electron-vite build)…')
  const bin = join(repo, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  const r = spawnSync(bin, ['build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) {
    console.error('The build failed; the messages above say why.')
    process.exit(1)
  }
}
