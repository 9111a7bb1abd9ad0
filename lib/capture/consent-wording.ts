/**
 * The consent wording the capture form shows, with its version. Pure (browser and server). Whenever a
 * sentence here changes, the version changes with it: the consent proof stored with each submission names
 * the version the customer saw, and the server refuses a form sent with a version it no longer shows.
 */
export const MARKETING_CHANNELS = ['sms', 'email', 'notification', 'dm', 'socialMedia'] as const;
export type MarketingChannelName = (typeof MARKETING_CHANNELS)[number];

export const CONSENT_WORDING = {
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
  } satisfies Record<MarketingChannelName, string>,
} as const;

export const CONSENT_WORDING_VERSION = CONSENT_WORDING.version;

/** Does a form carry the wording version the console shows now? Anything else is refused (reload and read again). */
export function isCurrentConsentWording(version: unknown): boolean {
  return version === CONSENT_WORDING_VERSION;
}
