import { describe, expect, it } from 'vitest';
import { isLocale, localeFromAcceptLanguage, resolveLocale } from './locales';

describe('localeFromAcceptLanguage', () => {
  it('takes the best-ranked language the console speaks', () => {
    expect(localeFromAcceptLanguage('ro-RO,ro;q=0.9,en;q=0.8')).toBe('ro');
    expect(localeFromAcceptLanguage('de-DE,en;q=0.5,ro;q=0.4')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.3,ro;q=0.7')).toBe('ro');
    expect(localeFromAcceptLanguage('EN-us')).toBe('en');
  });
  it('skips refused (q=0) and unknown languages', () => {
    expect(localeFromAcceptLanguage('ro;q=0,en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage('de,fr')).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe('resolveLocale', () => {
  it('saved choice, then the tablet cookie, then Accept-Language, then the default', () => {
    expect(resolveLocale({ saved: 'en', cookie: 'ro', acceptLanguage: 'ro', fallback: 'ro' })).toBe('en');
    expect(resolveLocale({ saved: null, cookie: 'en', acceptLanguage: 'ro', fallback: 'ro' })).toBe('en');
    expect(resolveLocale({ cookie: undefined, acceptLanguage: 'en-GB', fallback: 'ro' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'de', fallback: 'ro' })).toBe('ro');
    expect(resolveLocale({ fallback: 'en' })).toBe('en');
  });
  it('ignores values that are not a language of the console', () => {
    expect(resolveLocale({ saved: 'xx', cookie: 'fr', acceptLanguage: 'en', fallback: 'ro' })).toBe('en');
    expect(isLocale('ro')).toBe(true);
    expect(isLocale('RO')).toBe(false);
  });
});
