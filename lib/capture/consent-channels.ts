/** The marketing channels a customer may agree to, in the form's order (no wording here: the form's first load stays small). */
export const MARKETING_CHANNELS = ['sms', 'email', 'notification', 'dm', 'socialMedia'] as const;
export type MarketingChannelName = (typeof MARKETING_CHANNELS)[number];
