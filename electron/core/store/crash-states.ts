/**
 * What a power cut can leave on disk, in the spirit of ALICE (Pillai et al., OSDI '14) and
 * CrashMonkey (Mohan et al., OSDI '18). A kill keeps the page cache; a power cut loses whatever
 * was not flushed. This module reads an strace log of a program's file-system calls, keeps those
 * under one folder, and enumerates every state the folder could be in after a power cut at any
 * point, under a deliberately weak model of the disk:
 *
 * - a file's data (writes, truncations) reaches the disk in the order it was written, but only
 *   what an fsync of that file covered is sure to be there; a write may also land half-done;
 * - a folder's entries (files created, renamed, removed; folders made) reach the disk in the
 *   order they were made, but only what an fsync of that folder covered is sure to be there —
 *   an fsync of a file does not make its name durable, nor does an fsync of a folder make
 *   durable the folder's own entry in its parent;
 * - files and folders are independent of each other: any mix of their durable prefixes is a state.
 *
 * Each state can be written out to a folder and opened by the code under test. Only tests import
 * this module.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

type Node = { type: 'file'; data: Buffer } | { type: 'dir'; entries: Map<string, number> }

/** One effect of a system call on the traced folder. */
type Op =
  | { kind: 'data'; inode: number; apply: (data: Buffer) => Buffer; torn?: (data: Buffer) => Buffer; what: string }
  | { kind: 'entry'; dir: number; apply: (nodes: Map<number, Node>) => void; what: string }
  | { kind: 'fsync'; inode: number; what: string }

/** A traced run: the ops on the folder, and where (if anywhere) the run said it was done. */
export interface Trace {
  ops: Op[]
  /** Index in ops after which the program had acknowledged its work (wrote the marker), or null. */
  acknowledgedAt: number | null
  /** The system calls read, those that touched the folder, and log lines that could not be read (should be none). */
  calls: number
  relevant: number
  unparsed: number
}

/** One state a power cut can leave: the ops that reached the disk, and which were cut short. */
export interface CrashState {
  /** The power went out after this many ops had been issued. */
  cut: number
  /** True when the program had acknowledged its work before the cut. */
  acknowledged: boolean
  nodes: Map<number, Node>
  /** A fingerprint of the folder's visible content (equal states are checked once). */
  key: string
}

const ROOT = 0

/** Decode strace's -xx strings ("\x2f\x74…") to bytes. */
function hex(s: string): Buffer {
  const m = /^"((?:\\x[0-9a-f]{2})*)"/.exec(s)
  if (!m) throw new Error(`not an -xx string: ${s.slice(0, 60)}`)
  return Buffer.from(m[1]!.replaceAll('\\x', ''), 'hex')
}

/** The path in an fd argument such as `18<\x2f\x74…>`. */
function fdPath(arg: string): string | null {
  const m = /^-?\d+<((?:\\x[0-9a-f]{2})*)>/.exec(arg.trim())
  return m ? Buffer.from(m[1]!.replaceAll('\\x', ''), 'hex').toString('utf8') : null
}

function splitArgs(args: string): string[] {
  return args.split(', ').map((a) => a.trim())
}

/**
 * Join strace -f's "<unfinished …>" and "<… resumed>" halves; one complete call per line. A line
 * that is neither a call nor strace's own note (signals, exits) is counted in `unparsed`.
 */
function calls(log: string): { name: string; args: string[]; ret: string }[] & { unparsed: number } {
  const partial = new Map<string, string>()
  const out = Object.assign([] as { name: string; args: string[]; ret: string }[], { unparsed: 0 })
  for (const raw of log.split('\n')) {
    const m = /^(\d+) +(.*)$/.exec(raw)
    if (!m) continue
    const [, pid, rest] = m as unknown as [string, string, string]
    let line = rest
    if (line.endsWith('<unfinished ...>')) {
      partial.set(pid, line.slice(0, -'<unfinished ...>'.length).trimEnd())
      continue
    }
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(line)
    if (resumed) {
      line = (partial.get(pid) ?? '') + resumed[1]
      partial.delete(pid)
    }
    const call = /^(\w+)\((.*)\) += (-?\d+)(.*)$/.exec(line)
    if (!call) {
      if (!/^(?:\+\+\+|---)/.test(line) && !/ = \?/.test(line)) out.unparsed++
      continue
    }
    out.push({ name: call[1]!, args: splitArgs(call[2]!), ret: `${call[3]}${call[4]}` })
  }
  return out
}

/** Load a folder as it is now: the state before the traced run (all of it on disk). */
export async function loadFolder(dir: string): Promise<Map<number, Node>> {
  const nodes = new Map<number, Node>()
  let next = 0
  const walk = async (path: string): Promise<number> => {
    const id = next++
    const stat = await fs.lstat(path)
    if (stat.isDirectory()) {
      const entries = new Map<string, number>()
      nodes.set(id, { type: 'dir', entries })
      for (const name of (await fs.readdir(path)).sort()) entries.set(name, await walk(join(path, name)))
    } else nodes.set(id, { type: 'file', data: await fs.readFile(path) })
    return id
  }
  await walk(dir)
  return nodes
}

function cloneNodes(nodes: Map<number, Node>): Map<number, Node> {
  const out = new Map<number, Node>()
  for (const [id, n] of nodes) out.set(id, n.type === 'dir' ? { type: 'dir', entries: new Map(n.entries) } : { type: 'file', data: n.data })
  return out
}

/**
 * Turn an strace log (strace -f -y -xx -s N, the calls listed in STRACE_CALLS) into ops on the
 * folder `root`, whose content before the run was `before`. `marker` is a file outside the folder
 * the program opens once its work is acknowledged.
 */
export function parseTrace(log: string, root: string, before: Map<number, Node>, marker: string): Trace {
  const live = cloneNodes(before)
  let nextInode = Math.max(...live.keys()) + 1
  const ops: Op[] = []
  let acknowledgedAt: number | null = null
  const fds = new Map<number, { inode: number; offset: number }>()
  const all = calls(log)
  let relevant = 0

  const inside = (p: string) => p === root || p.startsWith(root + sep)
  const lookup = (p: string): number | null => {
    let id = ROOT
    for (const part of relative(root, p).split(sep).filter(Boolean)) {
      const n = live.get(id)
      if (!n || n.type !== 'dir') return null
      const child = n.entries.get(part)
      if (child === undefined) return null
      id = child
    }
    return id
  }
  const parentOf = (p: string) => {
    const dir = lookup(dirname(p))
    if (dir === null) throw new Error(`the folder of ${p} is not known`)
    return { dir, name: p.slice(dirname(p).length + 1) }
  }
  /** An entry change: applied to the live tree now, and recorded to replay on a crash state. */
  const entry = (dir: number, what: string, change: (nodes: Map<number, Node>) => void) => {
    change(live)
    ops.push({ kind: 'entry', dir, apply: change, what })
  }
  /** A folder's node; one whose own entry never reached the disk still holds what was put in it (unreachable). */
  const dirOf = (nodes: Map<number, Node>, id: number) => {
    if (!nodes.has(id)) nodes.set(id, { type: 'dir', entries: new Map() })
    return nodes.get(id) as Extract<Node, { type: 'dir' }>
  }

  for (const c of all) {
    if (c.ret.startsWith('-1')) continue
    const pathArg = (i: number) => hex(c.args[i]!).toString('utf8')
    switch (c.name) {
      case 'openat':
      case 'open': {
        const path = pathArg(c.name === 'openat' ? 1 : 0)
        const flags = c.args[c.name === 'openat' ? 2 : 1]!
        const fd = Number(/^-?\d+/.exec(c.ret)![0])
        if (path === marker && acknowledgedAt === null) acknowledgedAt = ops.length
        if (!inside(path)) break
        relevant++
        let id = lookup(path)
        if (id === null && flags.includes('O_CREAT')) {
          const { dir, name } = parentOf(path)
          const inode = nextInode++
          live.set(inode, { type: 'file', data: Buffer.alloc(0) })
          entry(dir, `create ${relative(root, path)}`, (nodes) => {
            if (!nodes.has(inode)) nodes.set(inode, { type: 'file', data: Buffer.alloc(0) })
            dirOf(nodes, dir).entries.set(name, inode)
          })
          id = inode
        } else if (id !== null && flags.includes('O_TRUNC') && live.get(id)!.type === 'file') {
          const inode = id
          ;(live.get(inode) as { data: Buffer }).data = Buffer.alloc(0)
          ops.push({ kind: 'data', inode, apply: () => Buffer.alloc(0), what: `truncate ${relative(root, path)}` })
        }
        if (id !== null) fds.set(fd, { inode: id, offset: 0 })
        break
      }
      case 'write':
      case 'pwrite64': {
        const fd = Number(/^\d+/.exec(c.args[0]!)![0])
        const open = fds.get(fd)
        const path = fdPath(c.args[0]!)
        if (!open || path === null || !inside(path)) break
        relevant++
        const bytes = hex(c.args[1]!).subarray(0, Number(/^\d+/.exec(c.ret)![0]))
        const at = c.name === 'pwrite64' ? Number(c.args[3]) : open.offset
        if (c.name === 'write') open.offset += bytes.length
        const put = (data: Buffer, part: Buffer) => {
          const out = Buffer.alloc(Math.max(data.length, at + part.length))
          data.copy(out)
          part.copy(out, at)
          return out
        }
        const node = live.get(open.inode) as { data: Buffer }
        node.data = put(node.data, bytes)
        ops.push({
          kind: 'data',
          inode: open.inode,
          apply: (data) => put(data, bytes),
          torn: bytes.length > 1 ? (data) => put(data, bytes.subarray(0, bytes.length >> 1)) : undefined,
          what: `write ${bytes.length} bytes to ${relative(root, path)}`,
        })
        break
      }
      case 'ftruncate': {
        const fd = Number(/^\d+/.exec(c.args[0]!)![0])
        const open = fds.get(fd)
        if (!open) break
        relevant++
        const length = Number(c.args[1])
        const cut = (data: Buffer) =>
          data.length >= length ? data.subarray(0, length) : Buffer.concat([data, Buffer.alloc(length - data.length)])
        const node = live.get(open.inode) as { data: Buffer }
        node.data = cut(node.data)
        ops.push({ kind: 'data', inode: open.inode, apply: cut, what: `truncate to ${length}` })
        break
      }
      case 'fsync':
      case 'fdatasync': {
        const fd = Number(/^\d+/.exec(c.args[0]!)![0])
        const open = fds.get(fd)
        if (!open) break
        relevant++
        ops.push({ kind: 'fsync', inode: open.inode, what: `fsync ${relative(root, fdPath(c.args[0]!) ?? '?')}` })
        break
      }
      case 'close': {
        fds.delete(Number(/^\d+/.exec(c.args[0]!)![0]))
        break
      }
      case 'mkdir':
      case 'mkdirat': {
        const path = pathArg(c.name === 'mkdirat' ? 1 : 0)
        if (!inside(path) || path === root) break
        relevant++
        const { dir, name } = parentOf(path)
        const inode = nextInode++
        live.set(inode, { type: 'dir', entries: new Map() })
        entry(dir, `mkdir ${relative(root, path)}`, (nodes) => {
          dirOf(nodes, inode)
          dirOf(nodes, dir).entries.set(name, inode)
        })
        break
      }
      case 'rename':
      case 'renameat':
      case 'renameat2': {
        const from = pathArg(c.name === 'rename' ? 0 : 1)
        const to = pathArg(c.name === 'rename' ? 1 : 3)
        if (!inside(from) && !inside(to)) break
        relevant++
        const src = parentOf(from)
        const dst = parentOf(to)
        const inode = dirOf(live, src.dir).entries.get(src.name)!
        // Recorded in the destination folder: the name appears there and goes from the source at once.
        entry(dst.dir, `rename ${relative(root, from)} to ${relative(root, to)}`, (nodes) => {
          const source = dirOf(nodes, src.dir)
          if (source.entries.get(src.name) === inode) source.entries.delete(src.name)
          dirOf(nodes, dst.dir).entries.set(dst.name, inode)
        })
        break
      }
      case 'unlink':
      case 'unlinkat':
      case 'rmdir': {
        const path = pathArg(c.name === 'unlinkat' ? 1 : 0)
        if (!inside(path)) break
        relevant++
        const { dir, name } = parentOf(path)
        const inode = dirOf(live, dir).entries.get(name)
        entry(dir, `remove ${relative(root, path)}`, (nodes) => {
          if (dirOf(nodes, dir).entries.get(name) === inode) dirOf(nodes, dir).entries.delete(name)
        })
        break
      }
      case 'link':
      case 'linkat': {
        const from = pathArg(c.name === 'link' ? 0 : 1)
        const to = pathArg(c.name === 'link' ? 1 : 3)
        if (!inside(to)) break
        relevant++
        const src = parentOf(from)
        const dst = parentOf(to)
        const inode = dirOf(live, src.dir).entries.get(src.name)!
        entry(dst.dir, `link ${relative(root, to)}`, (nodes) => void dirOf(nodes, dst.dir).entries.set(dst.name, inode))
        break
      }
    }
  }
  return { ops, acknowledgedAt, calls: all.length, relevant, unparsed: all.unparsed }
}

/** The strace call list parseTrace understands. */
export const STRACE_CALLS =
  'openat,open,creat,write,pwrite64,fsync,fdatasync,rename,renameat,renameat2,mkdir,mkdirat,unlink,unlinkat,rmdir,link,linkat,ftruncate,close'

/**
 * Every state a power cut after each op could leave (see the module comment), distinct by visible
 * content. States after the acknowledgement are marked so. `limit` bounds the states per cut: past
 * it, choices are sampled (with a fixed seed) and `sampled` says so.
 */
export function* crashStates(before: Map<number, Node>, trace: Trace, limit = 5000): Generator<CrashState> {
  const seen = new Set<string>()
  let seed = 1
  const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff
  for (let cut = 0; cut <= trace.ops.length; cut++) {
    const issued = trace.ops.slice(0, cut)
    // Per file (data) and per folder (entries): its ops in order, and how many of them an fsync made sure of.
    const groups = new Map<string, { ops: number[]; sure: number }>()
    issued.forEach((op, i) => {
      if (op.kind === 'fsync') return
      const key = op.kind === 'data' ? `d${op.inode}` : `e${op.dir}`
      const g = groups.get(key) ?? { ops: [], sure: 0 }
      g.ops.push(i)
      groups.set(key, g)
    })
    issued.forEach((op, i) => {
      if (op.kind !== 'fsync') return
      for (const key of [`d${op.inode}`, `e${op.inode}`]) {
        const g = groups.get(key)
        if (g) g.sure = Math.max(g.sure, g.ops.filter((j) => j < i).length)
      }
    })
    // Each group's choices: how many of its ops reached the disk (at least `sure`), the last possibly torn.
    const choices = [...groups.values()].map((g) => {
      const options: { take: number; torn: boolean }[] = []
      for (let take = g.sure; take <= g.ops.length; take++) {
        options.push({ take, torn: false })
        const last = take > g.sure ? issued[g.ops[take - 1]!]! : null
        if (last?.kind === 'data' && last.torn) options.push({ take, torn: true })
      }
      return { g, options }
    })
    const total = choices.reduce((n, c) => n * c.options.length, 1)
    const picks: number[][] = []
    if (total <= limit) {
      const walk = (i: number, acc: number[]) => {
        if (i === choices.length) return void picks.push([...acc])
        for (let k = 0; k < choices[i]!.options.length; k++) walk(i + 1, [...acc, k])
      }
      walk(0, [])
    } else {
      for (let n = 0; n < limit; n++) picks.push(choices.map((c) => Math.floor(random() * c.options.length)))
    }
    for (const pick of picks) {
      const included = new Map<number, boolean>()
      choices.forEach((c, i) => {
        const { take, torn } = c.options[pick[i]!]!
        c.g.ops.forEach((j, k) => {
          if (k < take) included.set(j, torn && k === take - 1)
        })
      })
      const nodes = cloneNodes(before)
      issued.forEach((op, i) => {
        if (!included.has(i)) return
        if (op.kind === 'entry') op.apply(nodes)
        else if (op.kind === 'data') {
          const node = nodes.get(op.inode) ?? { type: 'file' as const, data: Buffer.alloc(0) }
          if (node.type !== 'file') return
          nodes.set(op.inode, { type: 'file', data: included.get(i) && op.torn ? op.torn(node.data) : op.apply(node.data) })
        }
      })
      const acknowledged = trace.acknowledgedAt !== null && cut >= trace.acknowledgedAt
      const key = `${acknowledged ? 'A' : 'B'}${fingerprint(nodes)}`
      if (seen.has(key)) continue
      seen.add(key)
      yield { cut, acknowledged, nodes, key }
    }
  }
}

/** A hash of what is visible from the root: every path and its bytes. */
function fingerprint(nodes: Map<number, Node>): string {
  const hash = createHash('sha256')
  const walk = (id: number, path: string) => {
    const n = nodes.get(id)
    if (!n) return
    if (n.type === 'file') hash.update(`${path}\0${n.data.length}\0`).update(n.data)
    else for (const [name, child] of [...n.entries].sort(([a], [b]) => (a < b ? -1 : 1))) walk(child, `${path}/${name}`)
  }
  walk(ROOT, '')
  return hash.digest('hex')
}

/** Write a crash state out as a folder (what a machine would find after rebooting). */
export async function writeState(nodes: Map<number, Node>, dir: string): Promise<void> {
  const walk = async (id: number, path: string) => {
    const n = nodes.get(id)
    if (!n) return
    if (n.type === 'file') return fs.writeFile(path, n.data)
    await fs.mkdir(path, { recursive: true })
    for (const [name, child] of n.entries) await walk(child, join(path, name))
  }
  await walk(ROOT, dir)
}
