import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { CONSENT_WORDINGS, CONSENT_WORDING_VERSION, consentVersions, isCurrentConsentWording, MARKETING_CHANNELS } from './consent-wording';

/**
 * Every wording the console has shown, per language and version: the SHA-256 of its sentences. A sentence of
 * either language changed without a new version of that language fails here; so does a new version without its
 * line below (add it, never edit an old one: the consent proofs stored with past submissions name the language
 * and these versions).
 */
const SHOWN_WORDINGS: Record<Locale, Record<string, string>> = {
  en: { '2026-01.1': 'b4b7b80dc6138f8a8c219cbb40f3abcf80b42d7eb43824cd67dd5b69ad2d0230' },
  ro: { '2026-12.1': '2c72383c7a4395d799780c20a0357617aa102e582e5ab2b9faaf035b86ebdaf4' },
};

const sentencesHash = (language: Locale) => {
  const { version: _version, ...sentences } = CONSENT_WORDINGS[language];
  return createHash('sha256').update(JSON.stringify(sentences)).digest('hex');
};

describe('the consent wording', () => {
  it.each(LOCALES)('changes its version whenever a sentence changes (%s)', (language) => {
    const version = CONSENT_WORDINGS[language].version;
    expect(consentVersions()[language]).toBe(version);
    expect(SHOWN_WORDINGS[language][version], `${language} wording ${version} is not recorded`).toBeDefined();
    expect(sentencesHash(language)).toBe(SHOWN_WORDINGS[language][version]);
  });

  it('has a wording in every language of the console, and only those', () => {
    expect(Object.keys(CONSENT_WORDINGS).sort()).toEqual([...LOCALES].sort());
    expect(Object.keys(SHOWN_WORDINGS).sort()).toEqual([...LOCALES].sort());
    expect(CONSENT_WORDING_VERSION).toBe(CONSENT_WORDINGS.en.version);
  });

  it.each(LOCALES)('names every marketing channel, in the form’s order (%s)', (language) => {
    expect(MARKETING_CHANNELS).toEqual(['sms', 'email', 'notification', 'dm', 'socialMedia']);
    expect(Object.keys(CONSENT_WORDINGS[language].marketing)).toEqual([...MARKETING_CHANNELS]);
    for (const channel of MARKETING_CHANNELS) expect(CONSENT_WORDINGS[language].marketing[channel].trim()).not.toBe('');
  });

  it('accepts exactly the version each language shows now, for that language', () => {
    const { en, ro } = consentVersions();
    expect(isCurrentConsentWording('en', en)).toBe(true);
    expect(isCurrentConsentWording('ro', ro)).toBe(true);
    // A version of the other language, an old one, a near miss, nothing, an unknown language.
    expect(isCurrentConsentWording('ro', en)).toBe(false);
    expect(isCurrentConsentWording('en', ro)).toBe(false);
    expect(isCurrentConsentWording('en', '2025-12.9')).toBe(false);
    expect(isCurrentConsentWording('en', `${en} `)).toBe(false);
    expect(isCurrentConsentWording('en', '')).toBe(false);
    expect(isCurrentConsentWording('en', undefined)).toBe(false);
    expect(isCurrentConsentWording('de', en)).toBe(false);
    expect(isCurrentConsentWording(undefined, en)).toBe(false);
    expect(isCurrentConsentWording('toString', en)).toBe(false);
  });
});
