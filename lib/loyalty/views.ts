/**
 * How the loyalty desk shows Footprints' campaigns and codes (dates in the store's zone, what a code
 * allows, why not). Shared by the use cases of this folder; no use case of its own.
 */
import 'server-only';
import { formatInstant } from '@/lib/dates';
import { ConflictError } from '@/lib/errors';
import { parseFootprintsDate, type Campaign, type CodeCheckResponse } from '@/lib/vendors/footprints';
import type { LoyaltyDeps } from './deps';
import { STATUS_LABELS, allowedActions, isExpired, whyNotChangeable, type CodeStatus } from './rules';

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
}

// Campaign → location name, for the audit's store and the Netcore activity (filled by every listing).
const globalForStores = globalThis as unknown as { __storedeskLoyaltyStores?: Map<string, string | null> };
export const storeCache: Map<string, string | null> = (globalForStores.__storedeskLoyaltyStores ??= new Map());

export function campaignView(c: Campaign, deps: LoyaltyDeps): CampaignView {
  const expire = parseFootprintsDate(c.expireCodesDate, deps.timeZone);
  // The full records ("all campaigns") carry only a locationId: keep the name a summary listing gave.
  const location = c.location?.name || storeCache.get(c.internalId) || null;
  if (location) storeCache.set(c.internalId, location);
  return {
    internalId: c.internalId,
    name: c.name,
    location,
    startDate: toIso(c.startDate, deps.timeZone),
    endDate: toIso(c.endDate, deps.timeZone),
    expireCodesDate: expire?.toISOString() ?? null,
    codesExpired: isExpired(expire, deps.now()),
    prizeTypes: (c.loyaltySettings?.loyaltyPrizeTypes ?? []).map((p) => p.name),
  };
}

export interface CodeView {
  campaignInternalId: string;
  code: string;
  prize: string | null;
  status: CodeStatus;
  statusLabel: string;
  expiresAt: string | null;
  expired: boolean;
  lastUpdate: string | null;
  canRedeem: boolean;
  canBlock: boolean;
  /** Why it cannot be redeemed (already used, blocked, expired); null when it can. */
  notice: string | null;
}

export const NOT_FOUND_MESSAGE =
  'No code was found for this customer in this campaign. Check the e-mail and phone with the customer, or choose another campaign.';

export function codeView(campaignInternalId: string, answer: CodeCheckResponse, deps: LoyaltyDeps): CodeView {
  const expires = parseFootprintsDate(answer.expire_code_date, deps.timeZone);
  const lastUpdate = parseFootprintsDate(answer.last_update, deps.timeZone);
  const expired = isExpired(expires, deps.now());
  const status = answer.prize_status;
  const lastUpdateText = lastUpdate ? formatInstant(lastUpdate, deps.timeZone, 'dayTime') : null;
  return {
    campaignInternalId,
    code: answer.code.toUpperCase(),
    prize: answer.prize?.name || null,
    status,
    statusLabel: STATUS_LABELS[status],
    expiresAt: expires?.toISOString() ?? null,
    expired,
    lastUpdate: lastUpdate?.toISOString() ?? null,
    ...allowedActions(status, expired),
    notice: whyNotChangeable(status, expired, lastUpdateText),
  };
}


export function refuseUnlessOpen(view: CodeView): void {
  if (view.canRedeem) return;
  throw new ConflictError(`${view.notice ?? 'This code cannot be changed.'} Nothing was changed.`);
}
