/** `marginalia import` and `marginalia import-annotations`. */
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { inNameOrder } from '../../shared/name-order'
import { NewAnnotatorName } from '../../shared/model/annotation'
import { importAnnotations } from '../core/interchange/import-annotations'
import { Project } from '../core/project/project'
import { encodingName, unknownEncodingSentence } from '../core/documents/import-decode'
import { SkippedFileError, readRegularFile } from '../core/store/regular-file'
import { MAX_TEXT_BYTES } from '../core/documents/stored-text'
import { plural } from '../../shared/plural'
import { printJson, progress, settingsAnnotator, usage } from './common'

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'text-column': { type: 'string' },
      'title-column': { type: 'string' },
      'id-column': { type: 'string' },
      encoding: { type: 'string' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  })
  const [dir, ...given] = positionals
  // In the order a file manager lists them (the shell's *.txt puts part-10 before part-2).
  const files = inNameOrder(given.map((path) => ({ name: basename(path), path }))).map((f) => f.path)
  if (!dir || files.length === 0) return usage('import', 'import takes a project folder and at least one file.')
  if ((values['title-column'] || values['id-column']) && !values['text-column'])
    return usage('import', 'Say which column holds the text (--text-column) along with --title-column or --id-column.')
  const csv = values['text-column']
    ? { text: values['text-column'], title: values['title-column'] ?? null, id: values['id-column'] ?? null }
    : null
  if (values.encoding !== undefined && encodingName(values.encoding) === null)
    return usage('import', unknownEncodingSentence(values.encoding))
  const project = await Project.open(dir)
  const imported = []
  const errors: { name: string; message: string; kind?: string }[] = []
  const step = progress(files.length)
  for (const [i, file] of files.entries()) {
    step(i + 1, `importing ${file}`)
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readRegularFile(file, { maxBytes: MAX_TEXT_BYTES }))
    } catch (e) {
      if (!(e instanceof SkippedFileError)) throw e
      errors.push({ name: file, kind: 'refused', message: `${file} was not imported because it ${e.why}.` })
      continue
    }
    const result = await project.importFiles(
      [{ name: basename(file), bytes, encoding: values.encoding ?? null, csv }],
      new Date().toISOString(),
      values.yes ?? false,
    )
    imported.push(...result.imported)
    errors.push(
      ...result.errors.map((e) =>
        e.kind === 'needs-confirmation'
          ? { ...e, message: `${e.message.replace(/ import it anyway\?$/, '')} run again with --yes to import it.` }
          : e.kind === 'needs-columns'
            ? {
                ...e,
                message: `${e.message.replace(/, and import it again\.$/, '')} with --text-column (and --title-column, --id-column if you like).`,
              }
            : e,
      ),
    )
  }
  if (values.json) printJson({ imported, errors })
  else {
    for (const doc of imported) {
      console.log(
        `Imported ${doc.importedFrom} as "${doc.title}" (${doc.id}, ${doc.length} characters${doc.encoding && doc.encoding !== 'utf-8' ? `, decoded from ${doc.encoding}` : ''}).`,
      )
    }
    for (const err of errors) console.error(err.message)
  }
  // A table whose text column was not given is wrong usage, as a missing option is.
  return errors.some((e) => e.kind === 'needs-columns') ? 2 : errors.length > 0 ? 1 : 0
}

export async function importAnnotationsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { as: { type: 'string' }, me: { type: 'string' }, replace: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
  })
  const [dir, source] = positionals
  if (!dir || !source || positionals.length > 2)
    return usage('import-annotations', 'import-annotations takes a project folder and one path to import from.')
  for (const name of [values.as, values.me]) {
    if (name !== undefined && !NewAnnotatorName.safeParse(name).success)
      return usage(
        'import-annotations',
        `"${name}" is not a valid annotator name (letters, digits, spaces, . _ -; not a name Windows reserves, such as CON or NUL).`,
      )
  }
  const project = await Project.open(dir)
  const me = values.me ?? (await settingsAnnotator()) ?? ''
  const report = await importAnnotations(project, resolve(source), me, values.as ?? null, undefined, values.replace ?? false)
  const unplaced = report.layers.reduce((n, l) => n + l.unplaced.length, 0)
  if (values.json) printJson(report)
  else {
    for (const l of report.layers) {
      const what = l.skipped
        ? `skipped (${l.skipped})`
        : `${plural(l.imported, 'annotation')}${l.reanchored ? `, ${l.reanchored} found again by quote` : ''}${l.keptAside ? `; the earlier layer was kept as ${l.keptAside}` : ''}`
      console.log(`${l.from} on "${l.title}" -> layer ${l.as}: ${what}.`)
      for (const u of l.unplaced) console.error(`  not imported: ${u.id}${u.exact ? ` "${u.exact.slice(0, 60)}"` : ''}: ${u.reason}.`)
    }
    for (const n of report.notes ?? []) console.log(n)
    for (const e of report.errors) console.error(e)
    if (report.layers.some((l) => l.skippedNewer))
      console.error('Layers skipped as newer here were left as they are; --replace replaces them (each is kept aside first).')
  }
  return report.errors.length > 0 || unplaced > 0 || report.layers.some((l) => l.skippedNewer) ? 1 : 0
}
