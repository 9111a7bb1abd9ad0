/**
 * The loyalty desk's rules, shared by the desk (browser) and the use cases: which actions a code allows, the block reasons, the keys that make a change happen once, and the CSV export.
 * Pure: no server-only import, no vendor client.
 */
export const CODE_STATUSES = ['associated', 'redeemed', 'blocked'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];

export const STATUS_LABELS: Record<CodeStatus, string> = {
  associated: 'Ready to redeem',
  redeemed: 'Redeemed',
  blocked: 'Blocked',
};

export const BLOCK_REASONS = ['suspected_abuse', 'customer_request', 'staff_error', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];
export const BLOCK_REASON_LABELS: Record<BlockReason, string> = {
  suspected_abuse: 'Suspected abuse',
  customer_request: 'Customer request',
  staff_error: 'Staff error',
  other: 'Other (write a note)',
};

/** Is a code past its expiry? An unreadable or missing date is not treated as expired (Footprints decides). */
export function isExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() < now.getTime();
}

export interface CodeActions {
  canRedeem: boolean;
  canBlock: boolean;
}

/** Redeem and block exist only for an associated code that has not expired. */
export function allowedActions(status: CodeStatus, expired: boolean): CodeActions {
  const open = status === 'associated' && !expired;
  return { canRedeem: open, canBlock: open };
}

/** Why a code cannot be changed, in words the hostess can read to the customer; null when it can. */
export function whyNotChangeable(status: CodeStatus, expired: boolean, lastUpdate: string | null): string | null {
  if (status === 'redeemed') return `This code was already used: it was redeemed${lastUpdate ? ` on ${lastUpdate}` : ''}.`;
  if (status === 'blocked') return `This code is blocked${lastUpdate ? ` (since ${lastUpdate})` : ''} and cannot be used.`;
  if (expired) return 'This code has expired and can no longer be redeemed.';
  return null;
}

export const claimKeyOf = (campaignInternalId: string, code: string) => `${campaignInternalId}:${code.toUpperCase()}`;

/** One Netcore activity per redeemed code, whoever redeems it and however often it is tried. */
export const netcoreRedeemedKeyOf = (campaignInternalId: string, code: string) => `netcore:loyalty-code-redeemed:${campaignInternalId}:${code.toUpperCase()}`;

/** The loyalty engine's activity id for a redemption: fixed per code, so a retry cannot award twice. */
export const checkinActivityIdOf = (campaignInternalId: string, code: string) => `storedesk-redeem-${campaignInternalId}-${code.toUpperCase()}`;
export const checkinJobKeyOf = (campaignInternalId: string, code: string) => `loyalty:redemption-checkin:${campaignInternalId}:${code.toUpperCase()}`;

/** The loyalty engine's member id for a customer: their e-mail as the console knows it (trimmed, lower case). */
export const loyaltyCorrelationOf = (customerEmail: string) => customerEmail.trim().toLowerCase();

// ---- CSV ------------------------------------------------------------------------------------------------

/**
 * One CSV cell: quoted when needed, and a leading = + - @ (or tab / CR) prefixed with ' so that a
 * spreadsheet never runs a vendor-supplied value as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
