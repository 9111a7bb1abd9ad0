/** What the console may change a code to (loyalty_code_changes.target): a code leaves "associated" once. */
export const LOYALTY_CHANGE_TARGETS = ['redeemed', 'blocked'] as const;
export type LoyaltyChangeTarget = (typeof LOYALTY_CHANGE_TARGETS)[number];
