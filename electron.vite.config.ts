import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// Explicit entries: the main process (ESM), the preload (CommonJS, as sandboxed preloads must be)
// and the renderer. Browser mode (electron/serve) serves the same out/renderer build.
export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      // One bundle for a local app (no network to split for); ProseMirror, React and zod make ~550 kB.
      chunkSizeWarningLimit: 1200,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react()],
  },
})
