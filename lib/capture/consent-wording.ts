/**
 * The consent wording the capture form shows, in each of the console's languages, each with its own version.
 * Pure (browser and server), but imported by server code only: the page hands the wordings to the form as props,
 * so no sentence is in the desk's JavaScript. Whenever a sentence of a language changes, that language's version
 * changes with it: the consent proof stored with each submission names the language the customer was read and
 * that language's version, and the server refuses a form sent with a version it no longer shows for its language.
 * (Not in messages/*.json: this is legal text with its own versions, not interface text.)
 */
import type { Locale } from '@/lib/i18n/locales';
import { MARKETING_CHANNELS, type MarketingChannelName } from './consent-channels';

export { MARKETING_CHANNELS, type MarketingChannelName };

export interface ConsentWording {
  version: string;
  terms: string;
  privacy: string;
  adult: string;
  targetedMessages: string;
  marketingIntro: string;
  marketing: Record<MarketingChannelName, string>;
}

export const CONSENT_WORDINGS = {
  en: {
    version: '2026-01.1',
    terms: 'I have read and agree to the Terms & Conditions.',
    privacy: 'I have read and agree to the Privacy Policy, and I know how my personal data will be used.',
    adult: 'I confirm that I am 18 years of age or older.',
    targetedMessages: 'I agree to receive personalised messages based on my preferences and purchases.',
    marketingIntro: 'I agree that the store may contact me with offers through:',
    marketing: {
      sms: 'Offers by SMS',
      email: 'Offers by e-mail',
      notification: 'Offers by app notification',
      dm: 'Offers by direct mail (post)',
      socialMedia: 'Offers on social media',
    },
  },
  ro: {
    version: '2026-12.1',
    terms: 'Am citit și sunt de acord cu Termenii și condițiile.',
    privacy: 'Am citit și sunt de acord cu Politica de confidențialitate și știu cum vor fi folosite datele mele personale.',
    adult: 'Confirm că am împlinit vârsta de 18 ani.',
    targetedMessages: 'Sunt de acord să primesc mesaje personalizate pe baza preferințelor și a cumpărăturilor mele.',
    marketingIntro: 'Sunt de acord ca magazinul să mă contacteze cu oferte prin:',
    marketing: {
      sms: 'Oferte prin SMS',
      email: 'Oferte prin e-mail',
      notification: 'Oferte prin notificări în aplicație',
      dm: 'Oferte prin poștă',
      socialMedia: 'Oferte pe rețelele sociale',
    },
  },
} as const satisfies Record<Locale, ConsentWording>;

/** The English wording's version (the language of the existing fixtures and benches). */
export const CONSENT_WORDING_VERSION = CONSENT_WORDINGS.en.version;

/** The version each language shows now. */
export function consentVersions(): Record<Locale, string> {
  return { en: CONSENT_WORDINGS.en.version, ro: CONSENT_WORDINGS.ro.version };
}

/**
 * Does a form carry the wording version the console shows now in the form's language? Anything else (an old
 * version, a version of the other language, an unknown language) is refused: reload and read it again.
 */
export function isCurrentConsentWording(language: unknown, version: unknown): boolean {
  if (typeof language !== 'string' || !Object.hasOwn(CONSENT_WORDINGS, language)) return false;
  return version === CONSENT_WORDINGS[language as Locale].version;
}
