/**
 * Saved captures are checked for possible duplicates by e-mail and phone against every capture of the
 * last 90 days, and the console's database outlives a sandbox reset. A journey that saves a capture with
 * a literal e-mail or phone meets its own earlier run (the second, shuffled e2e pass) as a duplicate: CI
 * failed exactly so on capture-complete's fixed phone. This check refuses literals where a spec saves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = path.join(process.cwd(), 'e2e');

export function literalContactsInSavingSpec(source: string): string[] {
  if (!/name:\s*'Save (lead|anyway)'/.test(source)) return [];
  const found: string[] = [];
  for (const m of source.matchAll(/getByLabel\('(E-mail|Phone)'(?:, \{ exact: true \})?\)\.fill\(\s*(['"`])([^'"`$]*)\2\s*\)/g)) found.push(`${m[1]}: ${m[3]}`);
  for (const m of source.matchAll(/fillRequired\([^)]*\b(email|phone):\s*(['"])([^'"]*)\2/g)) found.push(`${m[1]}: ${m[3]}`);
  // The hostess's own list shows every earlier run's capture: a row found by a literal name finds those too.
  for (const m of source.matchAll(/getByTestId\('my-submission'\)\.filter\(\{ hasText: (['"])([^'"]*)\1/g)) found.push(`my-submission: ${m[2]}`);
  // A deliberately invalid value ('12ab', 'not-an-email') is refused before any duplicate check.
  return found.filter((f) => f.startsWith('my-submission: ') || /^(Phone|phone): (.*\d){8}/.test(f) || /^(E-mail|email): [^@\s]+@[^@\s]+\.\w+$/.test(f));
}

/**
 * A helper file beside the specs (`e2e/*.ts`) that drives a save: a literal phone or e-mail kept there as a
 * default or in a data table is saved by every spec that calls it (capture-quick failed so on CI).
 */
export function literalContactsInSavingHelper(source: string): string[] {
  if (!/'Save (lead|anyway)'/.test(source)) return [];
  const found: string[] = [];
  for (const m of source.matchAll(/\b(\w*(?:phone|email|Phone|Email|mail))\b\s*(?::\s*string\s*)?[:=]\s*(['"`])([^'"`$]*)\2/g)) found.push(`${m[1]}: ${m[3]}`);
  return found.filter((f) => /: (.*\d){8}/.test(f) || /: [^@\s]+@[^@\s]+\.\w+$/.test(f));
}

describe('e2e helpers that drive a save keep no literal contact', () => {
  it('finds a literal default phone or a table e-mail (the check can fail)', () => {
    expect(literalContactsInSavingHelper(`export function journey(email: string, phone = '0722 000 111') {}\n{ kind: 'tap', button: 'Save lead' }`)).toEqual(['phone: 0722 000 111']);
    expect(literalContactsInSavingHelper(`const rows = [{ email: 'ana@example.com' }];\nclick('Save anyway')`)).toEqual(['email: ana@example.com']);
    expect(literalContactsInSavingHelper(`export function journey(email: string, phone: string) {}\n'Save lead'`)).toEqual([]);
    // A helper that never saves may hold what it likes (a seeded customer to look up).
    expect(literalContactsInSavingHelper(`const phone = '0722 000 111';`)).toEqual([]);
  });

  for (const file of readdirSync(E2E).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    it(file, () => {
      expect(literalContactsInSavingHelper(readFileSync(path.join(E2E, file), 'utf8'))).toEqual([]);
    });
  }
});

describe('e2e journeys that save a capture use unique contacts', () => {
  it('finds a literal phone or e-mail in a saving spec (the check can fail)', () => {
    const bad = `await page.getByLabel('Phone', { exact: true }).fill('+40 721 000 111');\nawait page.getByRole('button', { name: 'Save lead' }).click();`;
    expect(literalContactsInSavingSpec(bad)).toEqual(['Phone: +40 721 000 111']);
    expect(literalContactsInSavingSpec(`await fillRequired(page, { first: 'A', last: 'B', email: 'a@example.com' });\n{ name: 'Save lead' }`)).toEqual(['email: a@example.com']);
    expect(literalContactsInSavingSpec(`await page.getByLabel('Phone', { exact: true }).fill(phone);\n{ name: 'Save lead' }`)).toEqual([]);
    expect(literalContactsInSavingSpec(`await page.getByLabel('Phone', { exact: true }).fill('12ab');\n{ name: 'Save lead' }`)).toEqual([]);
    expect(literalContactsInSavingSpec(`{ name: 'Save lead' }\nconst mine = page.getByTestId('my-submission').filter({ hasText: 'Carmen I.' });`)).toEqual(['my-submission: Carmen I.']);
    // A spec that never saves may type what it likes.
    expect(literalContactsInSavingSpec(`await page.getByLabel('Phone', { exact: true }).fill('0722 111 222');`)).toEqual([]);
  });

  for (const file of readdirSync(E2E).filter((f) => f.endsWith('.spec.ts'))) {
    it(file, () => {
      expect(literalContactsInSavingSpec(readFileSync(path.join(E2E, file), 'utf8'))).toEqual([]);
    });
  }
});
