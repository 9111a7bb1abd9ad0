import type { Locale } from '@/lib/i18n/locales';

/** The consent proof stored with a submission (and shown on the lead). */
export interface CaptureConsentProof {
  /** The version of the wording in `language` (lib/capture/consent-wording.ts) the customer was read. */
  wordingVersion: string;
  /** The language the customer was read the consent in (proofs stored before languages were English: migration 'consent_language'). */
  language: Locale;
  store: { locationId: string | null; locationName: string | null };
  hostess: { subject: string; name: string };
  /** The tablet's id (kept in its browser) and its user agent. */
  device: { id: string | null; userAgent: string | null };
  /** When the customer agreed (ISO-8601): the form's createdAt. */
  consentedAt: string;
  agreements: {
    terms: boolean;
    privacy: boolean;
    adult: boolean;
    targetedMessages: boolean;
    marketing: { sms: boolean; email: boolean; notification: boolean; dm: boolean; socialMedia: boolean };
  };
}
