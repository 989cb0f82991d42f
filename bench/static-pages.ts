/**
 * The pages Marginalia is compared with, written for each case into bench/results/pages/ (not
 * committed) and served from 127.0.0.1: the floor (the text as static <p> paragraphs, no
 * highlights) and the peer (@recogito/text-annotator over the same paragraphs, loading the same
 * spans). The peer's script is bundled with Vite (Rolldown); the page code lives in bench/pages/.
 */
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { build } from 'vite'
import { domOffsets } from './corpus'
import type { BenchProject } from './projects'

const repo = join(import.meta.dirname, '..')
const SOURCES = join(import.meta.dirname, 'pages')
/** Where the built pages go. */
export const PAGES_DIR = join(import.meta.dirname, 'results', 'pages')

const LABEL_INDEX = { claim: 0, source: 1, stance: 2 } as const

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** Bundle the peer's page script and copy the shared files; once per run. */
export async function buildPages(): Promise<void> {
  await mkdir(PAGES_DIR, { recursive: true })
  await build({
    configFile: false,
    logLevel: 'warn',
    root: SOURCES,
    build: {
      outDir: PAGES_DIR,
      emptyOutDir: false,
      minify: true,
      rolldownOptions: {
        input: { recogito: join(SOURCES, 'recogito.js') },
        output: { entryFileNames: '[name].js', assetFileNames: '[name][extname]' },
      },
    },
  })
  for (const f of ['page.css', 'floor.js']) await copyFile(join(SOURCES, f), join(PAGES_DIR, f))
  await copyFile(
    join(repo, 'node_modules', '@recogito', 'text-annotator', 'dist', 'text-annotator.css'),
    join(PAGES_DIR, 'text-annotator.css'),
  )
}

/**
 * Write the case's floor and peer pages (floor-<case>.html, recogito-<case>.html) and the peer's
 * spans (UTF-16 offsets into the paragraphs' text, with quotes). `columnPx` is the width of
 * Marginalia's text column, so every renderer wraps the same lines.
 */
export async function writeCasePages(p: BenchProject, columnPx: number): Promise<void> {
  const paragraphs = p.corpus.text
    .split('\n')
    .map((line) => `<p dir="auto">${escapeHtml(line)}</p>`)
    .join('')
  const head = (title: string, extra: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<link rel="stylesheet" href="page.css">${extra}<style>:root{--bench-column:${columnPx}px}</style></head>`
  const body = (data: string) =>
    `<body${data}><div class="text-scroll"><article class="text-column"><div id="text" class="mg-text">${paragraphs}</div></article></div></body></html>`
  const name = p.case.name
  await writeFile(join(PAGES_DIR, `floor-${name}.html`), head(`floor ${name}`, '<script src="floor.js"></script>') + body(''))
  await writeFile(
    join(PAGES_DIR, `recogito-${name}.html`),
    head(`recogito ${name}`, '<link rel="stylesheet" href="text-annotator.css"><script type="module" src="recogito.js"></script>') +
      body(` data-spans="spans-${name}.json"`),
  )
  const offset = domOffsets(p.corpus.text)
  const flat = p.corpus.text.replaceAll('\n', '')
  const spans = p.spans.map((s) => {
    const start = offset(s.start)
    const end = offset(s.end)
    return [start, end, LABEL_INDEX[s.label], flat.slice(start, end)]
  })
  await writeFile(join(PAGES_DIR, `spans-${name}.json`), JSON.stringify(spans))
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

/** Serve PAGES_DIR on 127.0.0.1 (a free port); returns its address and how to stop it. */
export async function servePages(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(PAGES_DIR, path)
    stat(file)
      .then((s) => {
        if (!s.isFile() || !file.startsWith(PAGES_DIR)) throw new Error('not a file')
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Length': s.size,
          'Cache-Control': 'no-store',
        })
        createReadStream(file).pipe(res)
      })
      .catch(() => res.writeHead(404).end())
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

/** The probe script injected into every measured page. */
export function probeSource(): Promise<string> {
  return readFile(join(SOURCES, 'probe.js'), 'utf8')
}
