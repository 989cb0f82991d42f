/** The help text of every `marginalia` command. */
export const HELP: Record<string, string> = {
  main: `Usage: marginalia <command> [options]

Commands:
  init <projectDir> [--name NAME]          create a new, empty project folder
  import <projectDir> <file>...            import .txt, .md, .html, .docx and .csv files as documents
  import-annotations <projectDir> <path>   import annotations (a project, .json, .jsonl, .jsonld, brat)
  export <projectDir> --format FORMAT      export annotations: csv, tsv, xlsx, jsonl, w3c, brat, or zip (the project)
  agreement <projectDir>                   inter-annotator agreement (kappa, alpha, span F1)
  network <projectDir> --format FORMAT     who says what about whom: an actor network as graphml, gexf or csv
  suggest <projectDir>                     propose sources, claims and their links from attribution cues
  validate <projectDir>                    check a project folder against its schemas and its texts
  stats <projectDir>                       documents, annotators, annotations per label
  backups <projectDir>                     the backups kept of a file, and restoring one (a damaged layer's last good copy)
  schema [--out DIR]                       the JSON Schemas of Marginalia's files

Run 'marginalia <command> --help' for a command's options. Exit codes: 0 done, 1 the command
failed or found problems (the message says which), 2 wrong usage.`,
  init: `Usage: marginalia init <projectDir> [--name NAME] [--json]

Creates a Marginalia project in projectDir (created if missing; it must not hold a project yet).
  --name NAME   the project's name (default: the folder's name)
  --json        print {"path", "name"} as JSON`,
  import: `Usage: marginalia import <projectDir> <file>... [options]

Imports files as new documents: plain text (.txt, .text), Markdown (.md), web pages (.html,
.htm: scripts, styles, navigation, forms and asides left out, one paragraph per block),
Word (.docx) and CSV (.csv, .tsv: one document per row). The encoding is detected (UTF-8,
UTF-16 with a byte order mark, Windows-1252, Latin-1, ...) and recorded; the text is stored
with its byte order mark dropped and line endings made LF. Files that are binary, damaged,
empty, in mixed encodings or already imported are refused with a message; the others are
imported. Exit code 1 if any file was refused.
  --text-column NAME    CSV: the column holding each row's text (default: a column named text,
                        body or content)
  --title-column NAME   CSV: the column holding the title (default: title or headline, if any)
  --id-column NAME      CSV: the column holding the document id (default: id, if any)
  --encoding LABEL      decode with this encoding (utf-8, windows-1252, iso-8859-15, ...)
  --yes                 import files over 20 MB without asking
  --json                print {"imported": [...], "errors": [...]} as JSON`,
  'import-annotations': `Usage: marginalia import-annotations <projectDir> <path> [--as NAME] [--me NAME] [--replace] [--json]

Imports annotations into this project, each layer as its annotator's layer: from a colleague's
project folder or annotations .json file, a JSON Lines export (.jsonl), a W3C Web Annotation
export (.jsonld, .json), brat standoff (a folder of .ann/.txt files, one folder per
annotator, or one .ann file), or a .zip of a brat export or a project archive. Documents are matched by text (sha256), id, title or file name;
annotations whose offsets do not hold their quote are found again by quote and context, and
those that cannot be placed, or do not fit this project's labels, are listed. A replaced layer
is kept aside; a layer here with changes newer than anything in the import is left as it is
(an older copy never replaces newer work) unless --replace. Exit code 1 if anything was not
imported.
  --as NAME   the layer to import into when the format names no annotator (brat, W3C without
              creators), or a name no annotator can have (the reviewed layer, to compare it)
  --me NAME   your own annotator name: a layer of yours is imported as NAME-imported
              (default: the name in your settings)
  --replace   replace layers here even when they have newer changes (each kept aside first)
  --json      print the report as JSON`,
  agreement: `Usage: marginalia agreement <projectDir> [--annotators a,b] [--document ID] [--json | --csv]

Inter-annotator agreement, per label and overall, for the project (and each document):
token-level Cohen's kappa per pair and Krippendorff's alpha (nominal), span precision, recall
and F1 per pair (exact and overlap matching), stance polarity and source-link agreement.
Definitions: shared/agreement/README.md.
  --annotators a,b   compare these annotators (default: everyone with annotations)
  --document ID      one document only
  --json             the full report as JSON (format "marginalia-agreement")
  --csv              the report as a long table: scope,label,metric,annotator_a,annotator_b,value,n`,
  schema: `Usage: marginalia schema [--out DIR]

Prints the JSON Schemas (draft 2020-12) of project.json, of the annotation stores and of the
reviewed layer, or writes them as project.schema.json, annotations.schema.json and
review.schema.json into DIR.`,
  export: `Usage: marginalia export <projectDir> --format FORMAT [--out PATH] [options]

Exports the annotations (formats and their conventions: docs/formats.md). Offsets are Unicode
code points into the stored text, end exclusive: Python's text[start:end].
  --format csv       one row per annotation (columns in docs/format.md), RFC 4180
  --format tsv       the same columns separated by tabs (quoted like the CSV)
  --table links      csv, tsv: one row per link instead (attributions and typed links: type,
                     both ends' ids, labels and texts; the workbook's Links sheet)
  --format xlsx      an Excel workbook: sheets Spans (the CSV's columns), Links, Documents and Memos
                     (--out FILE.xlsx)
  --format jsonl     JSON Lines: one annotation per line, Marginalia's own shape
  --format w3c       W3C Web Annotation JSON-LD: an AnnotationCollection; every id an
                     absolute IRI: urn:marginalia:… and ni:///sha-256;… for texts, or with
  --base IRI         (w3c) everything under this http(s) address: <IRI>texts/<document>.txt,
                     <IRI>annotations/<annotator>/<document>.json#<id>
  --format brat      brat standoff: a folder with annotation.conf, visual.conf and
                     <annotator>/<document>.txt and .ann (--out DIR, new or empty, or --out FILE.zip)
  --format zip       the whole project folder as one zip, for a colleague (--out FILE.zip)
  --out PATH         the file (or brat's folder) to write; default: standard output (csv, tsv, jsonl, w3c)
  --layer all|mine|reviewed    every annotator's layer and the reviewed layer (default), your own
                               layer (the annotator name in your settings), or the reviewed layer
  --annotator a,b    only these annotators' layers (instead of --layer, not with it)
  --document id,id   only these documents
  --bom              csv, tsv: start with a UTF-8 byte order mark (for Excel)
  --no-formula-protection      csv, tsv: do not prefix cells starting with = + - @ with an apostrophe
  --json             with --out: print what was written as JSON`,
  network: `Usage: marginalia network <projectDir> --format graphml|gexf|csv --out PATH [options]

Builds a discourse network from the claims, sources and stances (definitions: docs/analysis.md):
actors are sources by canonical name (else their text), targets are stance targets (case and
white space folded). Stances with no source, no target or (one-mode) no polarity are set aside
and counted on stderr.
  --mode actor-target   two-mode, actor -> target, weighted by stances, signed favor - against (default)
  --mode congruence     one-mode: actors tied by taking the same polarity on the same target
  --mode conflict       one-mode: actors tied by taking opposite polarities on the same target
  --normalization N     actor-target: none, activity or prominence; congruence and conflict:
                        none, average (average activity) or jaccard (default none)
  --layer L             reviewed, all (every annotator's layer) or annotator names a,b
                        (default: the reviewed layer once a review has settled something, else all)
  --from DATE --to DATE only documents dated in this range, yyyy-mm-dd, both included
                        (a document's date property; undated documents are left out)
  --document id,id      only these documents
  --label stance        only these labels' statements (claims never enter a network)
  --kind person,...     only stances whose source has one of these kinds
  --duplicates document count a stance repeated in one document once (default include)
  --isolates            also actors and targets with no tie
  --format graphml      GraphML for Gephi, visone, igraph, networkx (--out FILE.graphml)
  --format gexf         GEXF 1.3 for Gephi, with a spell per day stated when documents are dated
  --format csv          a node list and an edge list: --out FOLDER (nodes.csv, edges.csv) or FILE.zip
  --no-formula-protection  csv: keep names starting with = + - @ as they are (an @handle), without
                        the apostrophe that stops a spreadsheet running them
  --json                print what was written, with node, edge and stance counts, as JSON`,
  suggest: `Usage: marginalia suggest <projectDir> [--document ID,ID] [--min-confidence N] [--cues FILE] [--json]
       marginalia suggest --evaluate <projectDir> --against <annotator|reviewed> [--document ID,ID] [--fold stance=claim] [--json]

Proposes Source and Claim spans and the links between them from attribution cues (speech verbs,
"according to", quotations and their speakers; docs/suggestions.md), with each one's confidence
and cue, a source's kind and canonical name when known, and canonical-name proposals. Nothing is
written: the project is only read.
  --document ID,ID      these documents only (default: all; --documents also works)
  --min-confidence N    leave out suggestions below N (0 to 1; default 0)
  --cues FILE           a cue file of your own (shared/suggest/cues/README.md; default: English)
  --evaluate            compare the suggestions with a layer: precision, recall and F1 per label,
                        exact and overlap matching, and links
  --against NAME        the annotator whose layers to compare with, or "reviewed"
  --fold a=b,c=d        count the layer's label a as b (e.g. stance=claim: attributed stances as claims)
  --json                the suggestions (format "marginalia-suggestions") or the evaluation
                        (format "marginalia-suggestion-evaluation") as JSON`,
  validate: `Usage: marginalia validate <projectDir> [--json]

Checks a project folder: project.json, every annotations/<annotator>/<document>.json and every
reviewed layer against their JSON Schemas (docs/schema/), and that each text exists with the
sha256 and length recorded, each store refers to its document's text, every span is inside the
text and its quote is the text at its offsets, labels and attributes are the project's, and
links join existing annotations. Reports every problem; changes nothing. Exit code 1 if any.
  --json   print {"valid", "checked", "problems": [{"file", "at", "message"}]} as JSON`,
  stats: `Usage: marginalia stats <projectDir> [--json]

Prints the project's documents and characters, its annotators, annotations, links and notes
per layer and per label, and the most used attribute values.
  --json   print every count as JSON (per layer, per label, per attribute value, per document)`,
  backups: `Usage: marginalia backups <projectDir> [FILE] [--restore ID] [--json]

Marginalia keeps the last saved copy and earlier versions of each file of a project, and pins the
last good copy of a file it found damaged. With no FILE, lists the layers found damaged whose last
good copy waits to be restored, each with the command that restores it (exit code 1 if any).
With a FILE, lists its backups, newest first: id, kind, when saved, what it holds.
  FILE is one of:
  --annotator NAME --document ID   that annotator's annotations of a document
  --reviewed ID                    the reviewed layer of a document
  --text ID                        a document's text
  --project                        project.json (works when it is the file that is damaged)
  --restore ID   put that backup back in place; what it replaces is kept as a backup in turn,
                 so a restore can itself be undone
  --json         print the list, or {"restored", "notice"}, as JSON`,
}
