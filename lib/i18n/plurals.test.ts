/**
 * Plural forms in both languages (issue 16): Romanian has one / few / other ("1 lead", "2 lead-uri",
 * "20 de lead-uri", "101 lead-uri"), English one / other — read through next-intl from the message files.
 */
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';

const tRo = createTranslator({ locale: 'ro', messages: ro });
const tEn = createTranslator({ locale: 'en', messages: en });

describe('Romanian plurals: one, few (2–19, and 101–119…), other (20–100…)', () => {
  it('the categories the message files rely on', () => {
    const rules = new Intl.PluralRules('ro');
    expect([1, 2, 19, 20, 101].map((n) => rules.select(n))).toEqual(['one', 'few', 'few', 'other', 'few']);
    expect(rules.select(120)).toBe('other');
  });

  it('codes to download, exported codes, seconds to wait', () => {
    expect([1, 2, 19, 20, 101].map((total) => tRo('loyaltyCodes.downloadCount', { total }))).toEqual([
      'Descarcă 1 cod',
      'Descarcă 2 coduri',
      'Descarcă 19 coduri',
      'Descarcă 20 de coduri',
      'Descarcă 101 coduri',
    ]);
    expect([1, 2, 20].map((total) => tEn('loyaltyCodes.downloadCount', { total }))).toEqual(['Download 1 code', 'Download 2 codes', 'Download 20 codes']);
    expect(tRo('loyaltyCodes.exported', { rows: 1 })).toBe('S-a exportat 1 cod.');
    expect(tRo('loyaltyCodes.exported', { rows: 20 })).toBe('S-au exportat 20 de coduri.');
    expect(tEn('loyaltyCodes.exported', { rows: 1 })).toBe('Exported 1 code.');
    const wait = (t: typeof tRo, seconds: number) => t('loyalty.errors.rateLimited', { bucket: 'check', limit: 10, seconds });
    expect(wait(tRo, 1)).toMatch(/peste o secundă\.$/);
    expect(wait(tRo, 19)).toMatch(/peste 19 secunde\.$/);
    expect(wait(tRo, 20)).toMatch(/peste 20 de secunde\.$/);
    expect(wait(tEn, 1)).toMatch(/in 1 second\.$/);
    expect(wait(tEn, 2)).toMatch(/in 2 seconds\.$/);
  });

  it('the sign-out warning counts captures on the tablet', () => {
    expect(tRo('shell.signoutWarning.titleDevice', { count: 1 })).toBe('O înregistrare așteaptă pe această tabletă');
    expect(tRo('shell.signoutWarning.titleDevice', { count: 3 })).toBe('3 înregistrări așteaptă pe această tabletă');
    expect(tRo('shell.signoutWarning.titleDevice', { count: 20 })).toBe('20 de înregistrări așteaptă pe această tabletă');
    expect(tEn('shell.signoutWarning.titleDevice', { count: 1 })).toBe('One capture is waiting on this tablet');
    expect(tEn('shell.signoutWarning.titleDevice', { count: 3 })).toBe('3 captures are waiting on this tablet');
  });
});
