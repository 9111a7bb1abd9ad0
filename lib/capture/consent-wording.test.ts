import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONSENT_WORDING, CONSENT_WORDING_VERSION, isCurrentConsentWording, MARKETING_CHANNELS } from './consent-wording';

/**
 * Every wording the console has shown, by version: the SHA-256 of its sentences. A sentence changed without a
 * new version fails here; so does a new version without its line below (add it, never edit an old one: the
 * consent proofs stored with past submissions name these versions).
 */
const SHOWN_WORDINGS: Record<string, string> = {
  '2026-01.1': 'b4b7b80dc6138f8a8c219cbb40f3abcf80b42d7eb43824cd67dd5b69ad2d0230',
};

const sentencesHash = () => {
  const { version: _version, ...sentences } = CONSENT_WORDING;
  return createHash('sha256').update(JSON.stringify(sentences)).digest('hex');
};

describe('the consent wording', () => {
  it('changes its version whenever a sentence changes', () => {
    expect(CONSENT_WORDING_VERSION).toBe(CONSENT_WORDING.version);
    expect(SHOWN_WORDINGS[CONSENT_WORDING_VERSION], `wording ${CONSENT_WORDING_VERSION} is not recorded`).toBeDefined();
    expect(sentencesHash()).toBe(SHOWN_WORDINGS[CONSENT_WORDING_VERSION]);
  });

  it('names every marketing channel, in the form’s order', () => {
    expect(MARKETING_CHANNELS).toEqual(['sms', 'email', 'notification', 'dm', 'socialMedia']);
    expect(Object.keys(CONSENT_WORDING.marketing)).toEqual([...MARKETING_CHANNELS]);
    for (const channel of MARKETING_CHANNELS) expect(CONSENT_WORDING.marketing[channel].trim()).not.toBe('');
  });

  it('accepts exactly the version it shows now', () => {
    expect(isCurrentConsentWording(CONSENT_WORDING_VERSION)).toBe(true);
    expect(isCurrentConsentWording('2025-12.9')).toBe(false);
    expect(isCurrentConsentWording(`${CONSENT_WORDING_VERSION} `)).toBe(false);
    expect(isCurrentConsentWording('')).toBe(false);
    expect(isCurrentConsentWording(undefined)).toBe(false);
  });
});
