/**
 * Issue 16: both message files have the same keys, every message is valid ICU in its language, and the
 * plurals follow each language's rules (Romanian: one / few / other).
 */
import { createTranslator, IntlErrorCode, type IntlError } from 'next-intl';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import en from '@/messages/en.json';
import { INTL_TAGS, LOCALE_NAMES, LOCALES } from './locales';

/** Every message file on disk (messages/<code>.json), by code: a new language is found without a change here. */
const DIR = path.resolve(__dirname, '../../messages');
const FILES: Record<string, typeof en> = Object.fromEntries(
  fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.slice(0, -'.json'.length), JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as typeof en]),
);

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('message files', () => {
  it('the locale list (lib/i18n/locales.ts) and the message files agree: a file per language, a language per file', () => {
    expect(Object.keys(FILES).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      expect(LOCALE_NAMES[locale], locale).toBeTruthy();
      expect(new Intl.Locale(INTL_TAGS[locale]).language, locale).toBe(locale);
    }
  });

  it('every plural message names every plural category of its language (Romanian: one, few, other)', () => {
    for (const [locale, messages] of Object.entries(FILES)) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const missing: string[] = [];
      for (const key of keysOf(messages)) {
        const text = String(key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages));
        if (!/, ?plural,/.test(text)) continue;
        for (const category of categories) if (!new RegExp(`\\b${category} ?\\{`).test(text)) missing.push(`${key}: ${category}`);
      }
      expect(missing, locale).toEqual([]);
    }
  });

  it('have the same keys in every language', () => {
    const reference = keysOf(en).sort();
    for (const [locale, messages] of Object.entries(FILES)) {
      const keys = keysOf(messages).sort();
      expect(keys.filter((k) => !reference.includes(k)), `${locale}: keys English lacks`).toEqual([]);
      expect(reference.filter((k) => !keys.includes(k)), `${locale}: keys missing`).toEqual([]);
    }
  });

  it('every message is valid ICU and no message is empty', () => {
    for (const [locale, messages] of Object.entries(FILES)) {
      const invalid: string[] = [];
      const t = createTranslator({
        locale,
        messages,
        onError: (error: IntlError) => {
          // Arguments are not given here: only a message that does not parse counts.
          if (error.code === IntlErrorCode.INVALID_MESSAGE || error.code === IntlErrorCode.MISSING_MESSAGE) invalid.push(error.message);
        },
      });
      for (const key of keysOf(messages)) {
        t(key as never);
        expect(String((key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages))).trim(), `${locale}.${key}`).not.toBe('');
      }
      expect(invalid, locale).toEqual([]);
    }
  });
});

describe('plurals', () => {
  const count = (locale: 'ro' | 'en', n: number) => createTranslator({ locale, messages: FILES[locale]!, namespace: 'counts' })('leads', { count: n });

  it('Romanian: one, few, other (“de” from 20)', () => {
    expect(count('ro', 1)).toBe('1 lead');
    expect(count('ro', 2)).toBe('2 lead-uri');
    expect(count('ro', 19)).toBe('19 lead-uri');
    expect(count('ro', 20)).toBe('20 de lead-uri');
    expect(count('ro', 0)).toBe('0 lead-uri');
    expect(count('ro', 101)).toBe('101 lead-uri');
    expect(count('ro', 120)).toBe('120 de lead-uri');
  });

  it('English: one, other', () => {
    expect(count('en', 1)).toBe('1 lead');
    expect(count('en', 2)).toBe('2 leads');
    expect(count('en', 20)).toBe('20 leads');
  });

  it('a thousand is grouped the language’s way', () => {
    expect(count('ro', 1500)).toBe('1.500 de lead-uri');
    expect(count('en', 1500)).toBe('1,500 leads');
  });
});
