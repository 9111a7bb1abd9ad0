/**
 * A feature's schema.ts holds its tables only (drizzle-kit reads these files): the tables and the row types
 * drizzle infers from them. Constants, input types and re-exports live in the feature's other files
 * (constants.ts, inputs.ts, …), so importing a constant never drags the table definitions along.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

function schemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...schemaFiles(full));
    else if (entry.name === 'schema.ts') out.push(full);
  }
  return out;
}

/** What a schema file exports that is not a table or a type inferred from one. */
export function nonTableExports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^export\s+(\*|\{[^}]*\}\s+from|const\s+(\w+)\s*=\s*([^\s(;]+)|(?:interface|enum|function|class)\s+(\w+)|type\s+(\w+)\s*=\s*([^;]+))/gm)) {
    const [whole, star, constName, constInit, declName, typeName, typeBody] = m;
    if (star === '*' || whole.includes(' from')) found.push(`re-export: ${whole.trim()}`);
    else if (constName && !/^(pgTable|pgEnum|pgSchema|pgView)$/.test(constInit)) found.push(`const ${constName}`);
    else if (declName) found.push(declName);
    else if (typeName && !/^typeof\s+\w+\.\$infer(Select|Insert)$/.test(typeBody.trim())) found.push(`type ${typeName}`);
  }
  return found;
}

// lib/db/schema.ts is the database module's own wiring (every feature's tables for drizzle, and the core
// tables with their states), not a feature's schema.
const files = schemaFiles(path.join(ROOT, 'lib'))
  .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
  .filter((f) => f !== 'lib/db/schema.ts');

describe('schema.ts holds tables only', () => {
  it('recognises what is not a table', () => {
    expect(nonTableExports("export * from './constants';")).toEqual(['re-export: export *']);
    expect(nonTableExports("export { LIMIT } from './constants';")).toEqual(["re-export: export { LIMIT } from"]);
    expect(nonTableExports("export const STATES = ['a'] as const;\nexport type State = (typeof STATES)[number];")).toEqual(['const STATES', 'type State']);
    expect(nonTableExports('export interface Proof {\n  a: string;\n}')).toEqual(['Proof']);
    expect(nonTableExports("export const cases = pgTable('cases', {});\nexport type CaseRow = typeof cases.$inferSelect;")).toEqual([]);
  });

  it('finds the schema files', () => {
    expect(files).toContain('lib/privacy/schema.ts');
    expect(files).toContain('lib/capture/schema.ts');
  });

  it.each(files)('%s exports tables and their row types only', (file) => {
    expect(nonTableExports(fs.readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });
});
