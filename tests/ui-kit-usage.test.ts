/**
 * Feature code builds its forms, tables, tabs, status pills and dialogs from the UI kit (components/ui):
 * no component or page outside the kit writes its own labelled field, select, textarea, table, tab strip,
 * status pill or dialog markup. The kit holds the accessibility (labels tied to controls, errors announced,
 * captions and sortable headers, roving tab focus, focus kept in dialogs) once; a hand-made copy drifts.
 *
 * Markup still hand-made in a file would be listed in PENDING below, with why (it is empty now); the list
 * may only shrink: a file that no longer needs its entry fails the test too, so the entry goes with the fix.
 * A `role="alertdialog"` prop on the kit's own `<Dialog>` is a request to the kit, not hand-made markup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['components', 'app'];
const KIT = 'components/ui/';

interface Rule {
  name: string;
  pattern: RegExp;
  use: string;
}

export const RULES: Rule[] = [
  { name: 'table', pattern: /<table(?:[\s>]|$)/, use: 'Table (components/ui/table)' },
  { name: 'select', pattern: /<select(?:[\s>]|$)/, use: 'Select (components/ui/select)' },
  { name: 'textarea', pattern: /<textarea(?:[\s>]|$)/, use: 'Textarea (components/ui/textarea)' },
  { name: 'label', pattern: /<label(?:[\s>]|$)/, use: 'Field, Select, Textarea, Checkbox or RadioGroup' },
  { name: 'htmlFor', pattern: /\bhtmlFor=/, use: 'Field, Select, Textarea, Checkbox or RadioGroup' },
  { name: 'tab strip', pattern: /role=["'{]+(?:tab|tablist|tabpanel)["'}]/, use: 'Tabs (components/ui/tabs)' },
  { name: 'status pill', pattern: /rounded-full[^"'`]*\b(?:px-\d(?:\.\d)?)[^"'`]*\bbg-(?:green|red|amber|slate|blue)-(?:50|100)\b|rounded-full[^"'`]*\bbg-(?:green|red|amber|slate|blue)-(?:50|100)\b[^"'`]*\bpx-\d/, use: 'Badge (components/ui/badge)' },
  { name: 'dialog', pattern: /role=["'{]+(?:dialog|alertdialog)["'}]|aria-modal=/, use: 'Dialog (components/ui/dialog)' },
];

/** Hand-made markup not moved yet, by file and rule, with the reason. Only shrinks. */
export const PENDING: Record<string, { rules: string[]; why: string }> = {};

function walk(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (/\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Comments are left out: they may name the markup they replaced. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');

/**
 * The props of every kit `<Dialog …>` opening tag blanked out (newlines kept, so line numbers hold): its
 * `role="alertdialog"` asks the kit for an alert dialog, it is not hand-made dialog markup. The tag ends at
 * the first `>` outside braces and quotes (`onClose={() => a > b}` does not end it).
 */
export function withoutKitDialogProps(code: string): string {
  const out = code.split('');
  for (const m of code.matchAll(/<Dialog\b/g)) {
    let depth = 0;
    let quote: string | null = null;
    let i = m.index + m[0].length;
    for (; i < code.length; i++) {
      const c = code[i];
      if (quote) {
        if (c === quote && code[i - 1] !== '\\') quote = null;
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    for (let j = m.index + m[0].length; j < i; j++) if (out[j] !== '\n') out[j] = ' ';
  }
  return out.join('');
}

/** Every rule a file breaks, with the first line of each. */
export function findHandMade(source: string): { rule: string; line: number }[] {
  const code = withoutComments(source);
  const lines = code.split('\n');
  const dialogLines = withoutKitDialogProps(code).split('\n');
  const found: { rule: string; line: number }[] = [];
  for (const rule of RULES) {
    const at = (rule.name === 'dialog' ? dialogLines : lines).findIndex((l) => rule.pattern.test(l));
    if (at >= 0) found.push({ rule: rule.name, line: at + 1 });
  }
  return found;
}

const files = SCANNED.flatMap((d) => walk(path.join(ROOT, d)))
  .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
  .filter((f) => !f.startsWith(KIT));

describe('the UI kit is the only place that writes form, table, tab, pill and dialog markup', () => {
  it('finds the markup it looks for (the scan is not blind)', () => {
    expect(findHandMade('<table className="x">').map((f) => f.rule)).toEqual(['table']);
    expect(findHandMade('<label htmlFor="a">A</label>').map((f) => f.rule)).toEqual(['label', 'htmlFor']);
    expect(findHandMade('<select\n id="s">').map((f) => f.rule)).toEqual(['select']);
    expect(findHandMade('<textarea rows={3} />').map((f) => f.rule)).toEqual(['textarea']);
    expect(findHandMade('<div role="tablist">').map((f) => f.rule)).toEqual(['tab strip']);
    expect(findHandMade('<span className="rounded-full px-2 py-0.5 bg-green-100">Sent</span>').map((f) => f.rule)).toEqual(['status pill']);
    expect(findHandMade('<section role="alertdialog">').map((f) => f.rule)).toEqual(['dialog']);
    expect(findHandMade('<div aria-modal="true">').map((f) => f.rule)).toEqual(['dialog']);
    // A role on the kit's <Dialog> (one line or several, arrow functions in its props) is not hand-made markup…
    expect(findHandMade('<Dialog open role="alertdialog" title="Sure?">')).toEqual([]);
    expect(findHandMade('<Dialog\n  open={open}\n  onClose={() => (n > 1 ? a() : b())}\n  role="alertdialog"\n  title="Sure?"\n>\n  <p>x</p>\n</Dialog>')).toEqual([]);
    // …but hand-made dialog markup is still found, beside a kit dialog or inside one.
    expect(findHandMade('<Dialog role="alertdialog" title="a" />\n<div role="dialog" aria-modal="true">')).toEqual([{ rule: 'dialog', line: 2 }]);
    expect(findHandMade('<Dialog open title="a">\n  <div role="alertdialog">')).toEqual([{ rule: 'dialog', line: 2 }]);
    expect(findHandMade("<div role='dialog'>").map((f) => f.rule)).toEqual(['dialog']);
    expect(findHandMade('<section role={"alertdialog"}>').map((f) => f.rule)).toEqual(['dialog']);
    // Kit components and comments are fine.
    expect(findHandMade('<Table caption="x" /> <Select label="y" /> // a <table> was here')).toEqual([]);
    expect(findHandMade('<div className="h-3 rounded-full bg-slate-200" />')).toEqual([]);
  });

  it('scans the feature code', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain('components/leads/pipeline-table.tsx');
    expect(files).toContain('app/(console)/admin/audit/page.tsx');
  });

  it.each(files)('%s uses the kit', (file) => {
    const found = findHandMade(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    const allowed = PENDING[file]?.rules ?? [];
    const broken = found.filter((f) => !allowed.includes(f.rule)).map((f) => `${f.rule} at line ${f.line}: use ${RULES.find((r) => r.name === f.rule)!.use}`);
    expect(broken).toEqual([]);
  });

  it('keeps the pending list true: every entry is still needed', () => {
    for (const [file, entry] of Object.entries(PENDING)) {
      const full = path.join(ROOT, file);
      const found = fs.existsSync(full) ? findHandMade(fs.readFileSync(full, 'utf8')).map((f) => f.rule) : [];
      expect({ file, stillNeeded: entry.rules.filter((r) => found.includes(r)) }).toEqual({ file, stillNeeded: entry.rules });
    }
  });
});
