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

/**
 * What a code really is for the hostess: Footprints' status, except that an associated code past its
 * expiry, or in a campaign that has ended, can no longer be redeemed and is never shown "Ready to redeem".
 */
export const CODE_STATES = ['associated', 'redeemed', 'blocked', 'expired', 'campaign_ended'] as const;
export type CodeState = (typeof CODE_STATES)[number];
export const CODE_STATE_LABELS: Record<CodeState, string> = {
  ...STATUS_LABELS,
  expired: 'Expired',
  campaign_ended: 'Campaign ended',
};

export function codeStateOf(status: CodeStatus, expired: boolean, campaignEnded = false): CodeState {
  if (status !== 'associated') return status;
  if (expired) return 'expired';
  if (campaignEnded) return 'campaign_ended';
  return 'associated';
}

/** How long after its end a campaign stays on the desk for checks when its codes expire sooner (or never). */
export const ENDED_CAMPAIGN_CHECK_DAYS = 90;

export type CampaignPhase = 'active' | 'recently_ended' | 'past' | 'not_started';

/**
 * Where a campaign stands for the desk. A campaign that has ended stays checkable ("recently ended": customers
 * bring last month's voucher) while its codes have not expired, or for 90 days after its end, whichever is
 * later; after that it is past. A missing end date is left to Footprints (its active list decides).
 */
export function campaignPhaseOf(c: { startDate: Date | null; endDate: Date | null; expireCodesDate: Date | null }, now: Date): CampaignPhase {
  const t = now.getTime();
  if (c.startDate && c.startDate.getTime() > t) return 'not_started';
  if (!c.endDate || c.endDate.getTime() >= t) return 'active';
  const graceEnd = c.endDate.getTime() + ENDED_CAMPAIGN_CHECK_DAYS * 86_400_000;
  const until = Math.max(graceEnd, c.expireCodesDate?.getTime() ?? 0);
  return t <= until ? 'recently_ended' : 'past';
}

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

/** Redeem and block exist only for an associated code that has not expired, in a campaign that has not ended. */
export function allowedActions(status: CodeStatus, expired: boolean, campaignEnded = false): CodeActions {
  const open = codeStateOf(status, expired, campaignEnded) === 'associated';
  return { canRedeem: open, canBlock: open };
}

/** Why a code cannot be changed: a key of the messages `loyalty.notices.*`. */
export type NoticeKind = 'redeemed' | 'blocked' | 'expired' | 'campaignEnded';
/** A translator over `loyalty.notices` (`when`: a date already written in its language, or 'none'). */
export type NoticeWords = (kind: NoticeKind, values: { when: string }) => string;

/**
 * Why a code cannot be changed, in words the hostess can read to the customer (in the language of `words`);
 * null when it can. `lastUpdate`, `campaignEndedOn`: dates as shown to staff; `campaignEndedOn` null when
 * the campaign has not ended.
 */
export function whyNotChangeable(words: NoticeWords, status: CodeStatus, expired: boolean, lastUpdate: string | null, campaignEndedOn: string | null = null): string | null {
  if (status === 'redeemed') return words('redeemed', { when: lastUpdate || 'none' });
  if (status === 'blocked') return words('blocked', { when: lastUpdate || 'none' });
  if (expired) return words('expired', { when: 'none' });
  if (campaignEndedOn !== null) return words('campaignEnded', { when: campaignEndedOn || 'none' });
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

/** Written first so that spreadsheets (Excel above all) read the file as UTF-8: Ș, Ț and Ă stay themselves. */
export const CSV_BOM = '\uFEFF';

/** A value a spreadsheet must keep as text: phone numbers (a leading 0 or + is part of the number). */
export interface CsvText {
  text: string;
}
export type CsvValue = string | number | null | undefined | CsvText;

const PHONE_LIKE = /^\+?[\d\s().-]+$/;

/**
 * One CSV cell: quoted when needed, and a leading = + - @ (or tab / CR) prefixed with ' so that a
 * spreadsheet never runs a vendor-supplied value as a formula. A phone-like text cell is written as the
 * text formula ="0722000001" (the only form Excel keeps as text on opening); the pattern admits digits,
 * spaces, + ( ) . - only, so nothing else can become a formula this way.
 */
export function csvCell(value: CsvValue): string {
  if (value !== null && typeof value === 'object') {
    if (PHONE_LIKE.test(value.text)) return `"=""${value.text}"""`;
    return csvCell(value.text);
  }
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
