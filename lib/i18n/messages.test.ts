/**
 * Issue 16: both message files have the same keys, every message is valid ICU in its language, and the
 * plurals follow each language's rules (Romanian: one / few / other).
 */
import { createTranslator, IntlErrorCode, type IntlError } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';
import { LOCALES } from './locales';

const FILES = { en, ro } as const;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('message files', () => {
  it('every language of the console has a file', () => {
    expect(Object.keys(FILES).sort()).toEqual([...LOCALES].sort());
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
  const count = (locale: 'ro' | 'en', n: number) => createTranslator({ locale, messages: FILES[locale], namespace: 'counts' })('leads', { count: n });

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
