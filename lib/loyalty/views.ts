/**
 * How the loyalty desk shows Footprints' campaigns and codes (dates in the store's zone, what a code
 * allows, why not). Shared by the use cases of this folder; no use case of its own.
 */
import 'server-only';
import { ConflictError, ValidationError } from '@/lib/errors';
import { parseFootprintsDate, type Campaign, type CodeCheckResponse, type FootprintsClient } from '@/lib/vendors/footprints';
import type { LoyaltyDeps } from './deps';
import { refusal } from '@/lib/i18n/server-words';
import { noticeIn } from './refusals';
import { CODE_STATE_LABELS, allowedActions, campaignPhaseOf, codeStateOf, isExpired, type CampaignPhase, type CodeState, type CodeStatus } from './rules';

export const toIso = (value: string | null | undefined, timeZone: string): string | null => parseFootprintsDate(value, timeZone)?.toISOString() ?? null;

export interface CampaignView {
  internalId: string;
  name: string;
  location: string | null;
  startDate: string | null;
  endDate: string | null;
  expireCodesDate: string | null;
  codesExpired: boolean;
  prizeTypes: string[];
  /** active, recently ended (still checkable, never redeemable), past or not started (see campaignPhaseOf). */
  phase: CampaignPhase;
}

// Campaign → location name, for the audit's store and the Netcore activity (filled by every listing).
const globalForStores = globalThis as unknown as {
  __storedeskLoyaltyStores?: Map<string, string | null>;
  __storedeskLoyaltyCampaignEnds?: Map<string, { endDate: Date | null; at: number }>;
};
export const storeCache: Map<string, string | null> = (globalForStores.__storedeskLoyaltyStores ??= new Map());
// Campaign → its end, for the check and the refusal to change a code of an ended campaign (Footprints'
// check answer does not say). Kept a minute: an end date edited in Footprints is seen within that.
export const endCache: Map<string, { endDate: Date | null; at: number }> = (globalForStores.__storedeskLoyaltyCampaignEnds ??= new Map());
export const END_CACHE_MS = 60_000;

export function campaignView(c: Campaign, deps: LoyaltyDeps): CampaignView {
  const expire = parseFootprintsDate(c.expireCodesDate, deps.timeZone);
  const start = parseFootprintsDate(c.startDate, deps.timeZone);
  const end = parseFootprintsDate(c.endDate, deps.timeZone);
  // The full records ("all campaigns") carry only a locationId: keep the name a summary listing gave.
  const location = c.location?.name || storeCache.get(c.internalId) || null;
  if (location) storeCache.set(c.internalId, location);
  endCache.set(c.internalId, { endDate: end, at: Date.now() });
  return {
    internalId: c.internalId,
    name: c.name,
    location,
    startDate: start?.toISOString() ?? null,
    endDate: end?.toISOString() ?? null,
    expireCodesDate: expire?.toISOString() ?? null,
    codesExpired: isExpired(expire, deps.now()),
    prizeTypes: (c.loyaltySettings?.loyaltyPrizeTypes ?? []).map((p) => p.name),
    phase: campaignPhaseOf({ startDate: start, endDate: end, expireCodesDate: expire }, deps.now()),
  };
}

export interface CodeView {
  campaignInternalId: string;
  code: string;
  prize: string | null;
  status: CodeStatus;
  /** What the code really is (an associated code past its expiry or its campaign's end is not redeemable). */
  state: CodeState;
  statusLabel: string;
  expiresAt: string | null;
  expired: boolean;
  /** The campaign's end when it has ended (checks still answer; redeem and block are refused). */
  campaignEndedAt: string | null;
  lastUpdate: string | null;
  /** The store's zone the dates are shown in. */
  timeZone: string;
  canRedeem: boolean;
  canBlock: boolean;
  /**
   * Why it cannot be redeemed (already used, blocked, expired, campaign ended), in English; null when it can.
   * The desk writes it in the person's language from the fields above (components/loyalty/code-card.tsx).
   */
  notice: string | null;
}

export const NOT_FOUND_MESSAGE =
  'No code was found for this customer in this campaign. Check the e-mail and phone with the customer, or choose another campaign.';

/** "No code was found…" as a refusal of a change, in the asker's language (loyalty.errors.notFound). */
export const notFoundRefusal = () => refusal((m) => new ValidationError(m), (t) => t('loyalty.errors.notFound'));

/** `campaignEnded`: when the code's campaign ended, if it has (see campaignEndedAt in list-campaigns.ts). */
export function codeView(campaignInternalId: string, answer: CodeCheckResponse, deps: LoyaltyDeps, campaignEnded: Date | null = null): CodeView {
  const expires = parseFootprintsDate(answer.expire_code_date, deps.timeZone);
  const lastUpdate = parseFootprintsDate(answer.last_update, deps.timeZone);
  const expired = isExpired(expires, deps.now());
  const status = answer.prize_status;
  const state = codeStateOf(status, expired, campaignEnded !== null);
  return {
    campaignInternalId,
    code: answer.code.toUpperCase(),
    prize: answer.prize?.name || null,
    status,
    state,
    statusLabel: CODE_STATE_LABELS[state],
    expiresAt: expires?.toISOString() ?? null,
    expired,
    campaignEndedAt: campaignEnded?.toISOString() ?? null,
    lastUpdate: lastUpdate?.toISOString() ?? null,
    ...allowedActions(status, expired, campaignEnded !== null),
    notice: noticeIn('en', { status, expired, lastUpdate: lastUpdate?.toISOString() ?? null, campaignEndedAt: campaignEnded?.toISOString() ?? null }, deps.timeZone),
    timeZone: deps.timeZone,
  };
}

type CodeListEntry = Awaited<ReturnType<FootprintsClient['listCodes']>>['codes'][number];

/**
 * A listed code's real state (its campaign's code expiry and end): the list, the CSV and the desk all say
 * "Expired" / "Campaign ended" rather than "Ready to redeem" for a code that cannot be used.
 */
/** What a listed code and a prize-history entry both show: the code, its campaign, its real state in words, the prize. */
export interface CodeRowBase {
  code: string;
  campaignName: string | null;
  campaignInternalId: string | null;
  status: CodeStatus;
  state: CodeState;
  statusLabel: string;
  prize: string | null;
}

/** A vendor's code entry (from the codes list or the prize history) as a row, in the state the caller worked out. */
export function codeRowBase(
  entry: { code: string; status: CodeStatus; campaign?: { name?: string | null; internalId?: string | null } | null; prize?: { name?: string | null } | null },
  state: CodeState,
): CodeRowBase {
  return {
    code: entry.code,
    campaignName: entry.campaign?.name ?? null,
    campaignInternalId: entry.campaign?.internalId ?? null,
    status: entry.status,
    state,
    statusLabel: CODE_STATE_LABELS[state],
    prize: entry.prize?.name ?? null,
  };
}

export function listedStateOf(c: CodeListEntry, deps: LoyaltyDeps): CodeState {
  const now = deps.now();
  const expire = parseFootprintsDate(c.campaign?.expireCodesDate, deps.timeZone);
  const end = parseFootprintsDate(c.campaign?.endDate, deps.timeZone);
  return codeStateOf(c.status, isExpired(expire, now), end !== null && end.getTime() < now.getTime());
}


export function refuseUnlessOpen(view: CodeView): void {
  if (view.canRedeem) return;
  throw refusal(
    (m) => new ConflictError(m),
    (t, locale) => t('loyalty.errors.notChangeable', { why: noticeIn(locale, view, view.timeZone) ?? t('loyalty.errors.cannotChange') }),
  );
}
