/**
 * The folder-level import graph of lib/, app/ and components/ has no cycle: data flows one way (page →
 * action → use case → vendor client or database), so no folder may depend on a folder that depends on it.
 *
 * A node is a folder of the design, not a directory of the disk:
 * - lib/<name> with everything under it (lib/vendors is one node, lib/vendors/footprints included); a file
 *   directly in lib/ (lib/config.ts, lib/log.ts) is a node of its own;
 * - components/<name>;
 * - app/<group>/<feature> (e.g. app/(console)/loyalty) for its pages, layouts and route handlers, and
 *   app/<group>/<feature>/actions for its actions.ts: page → component → action is the designed flow, so the
 *   actions are their own layer;
 * - the files directly in app/ (the root layout and error pages).
 * Imports of test files (*.test.ts) and lib/testing are left out: tests may reach anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['lib', 'app', 'components'];

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function resolveImport(fromFile: string, source: string): string | null {
  let base: string;
  if (source.startsWith('@/')) base = path.join(ROOT, source.slice(2));
  else if (source.startsWith('.')) base = path.resolve(path.dirname(fromFile), source);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The folder of the design a file belongs to (see the header), or null when it is not scanned. */
export function nodeOf(file: string): string | null {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const parts = rel.split('/');
  if (!SCANNED.includes(parts[0])) return null;
  if (parts[0] === 'lib') {
    if (parts[1] === 'testing') return null;
    return parts.length === 2 ? rel : `lib/${parts[1]}`;
  }
  if (parts[0] === 'components') return parts.length === 2 ? rel : `components/${parts[1]}`;
  // app/
  if (parts.length === 2) return 'app';
  const group = parts[1].startsWith('(') ? parts.slice(1, 3) : parts.slice(1, 2);
  const folder = `app/${group.join('/')}`;
  return parts[parts.length - 1] === 'actions.ts' ? `${folder}/actions` : folder;
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

export type Graph = Map<string, Map<string, string>>;

/** Folder → folder it imports → one file-level import that makes the edge (for the failure message). */
export function buildFolderGraph(files: string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const from = nodeOf(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const source of importsOf(file)) {
      const target = resolveImport(file, source);
      const to = target ? nodeOf(target) : null;
      if (!to || to === from) continue;
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, `${path.relative(ROOT, file)} → ${source}`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan): each is a folder-level cycle. */
export function folderCycles(graph: Graph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((e) => [...e.keys()])]);

  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of nodes) if (!indexOf.has(v)) visit(v);
  return cycles;
}

function describeCycle(graph: Graph, cycle: string[]): string {
  const members = new Set(cycle);
  const edges = cycle.flatMap((from) => [...(graph.get(from) ?? new Map<string, string>())].filter(([to]) => members.has(to)).map(([to, why]) => `  ${from} → ${to}   (${why})`));
  return `cycle between ${cycle.join(', ')}:\n${edges.join('\n')}`;
}

describe('the folder-level import graph', () => {
  const files = SCANNED.flatMap((dir) => walk(path.join(ROOT, dir)));
  const graph = buildFolderGraph(files);

  it('sees the layers it is meant to check', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('app/(console)/loyalty/actions')?.has('lib/loyalty')).toBe(true);
    expect(graph.get('components/loyalty')?.has('app/(console)/loyalty/actions')).toBe(true);
    expect(graph.get('lib/privacy')?.has('lib/vendors')).toBe(true);
  });

  it('has no cycle between folders', () => {
    const cycles = folderCycles(graph);
    expect(cycles.map((c) => describeCycle(graph, c))).toEqual([]);
  });

  it('finds a cycle when there is one (the detector itself)', () => {
    const g: Graph = new Map([
      ['lib/a', new Map([['lib/b', 'a.ts → b']])],
      ['lib/b', new Map([['lib/c', 'b.ts → c']])],
      ['lib/c', new Map([['lib/a', 'c.ts → a']])],
      ['lib/d', new Map([['lib/a', 'd.ts → a']])],
    ]);
    expect(folderCycles(g)).toEqual([['lib/a', 'lib/b', 'lib/c']]);
    expect(folderCycles(new Map([['lib/a', new Map([['lib/b', 'x']])]]))).toEqual([]);
  });
});
