/**
 * The code list and its CSV for a member of staff with a store scope (issue 12): only the codes of campaigns
 * whose location is one of their stores. Footprints' code list filters by one campaign at most, so a scoped
 * list without a campaign is gathered campaign by campaign and paged here; a campaign of another store
 * answers like a campaign without codes, and the attempt is audited.
 */
import 'server-only';
import { recordAudit } from '@/lib/audit';
import { inScope, type StoreScope } from '@/lib/auth/stores';
import type { Db } from '@/lib/db';
import type { LoyaltyCode } from '@/lib/vendors/footprints';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';

/** Pages fetched at most, over every campaign of the scope, for one scoped list or export. */
export const MAX_SCOPED_PAGES = 200;
/** Rows per page of a list gathered here (the sandbox's vendor page size; the screen adapts to any). */
export const SCOPED_PAGE_SIZE = 20;

export type CodeSource =
  /** Footprints' own list answers it: all stores, or one campaign of the caller's stores. */
  | { kind: 'vendor' }
  /** A campaign of another store: nothing to show. */
  | { kind: 'none' }
  /** Every campaign of the caller's stores, gathered here. */
  | { kind: 'campaigns'; campaignIds: string[] };

/** Which codes a caller may list. Footprints' full campaign records carry their locationId. */
export async function codeSourceFor(
  db: Db,
  deps: LoyaltyDeps,
  caller: LoyaltyCaller,
  scope: StoreScope,
  campaignInternalId: string | undefined,
  action: string,
): Promise<CodeSource> {
  if (scope.all) return { kind: 'vendor' };
  const campaigns = await deps.footprints.getLoyaltyCampaigns(caller.accessToken);
  const mine = campaigns.filter((c) => inScope(scope, c.locationId ?? null)).map((c) => c.internalId);
  if (!campaignInternalId) return { kind: 'campaigns', campaignIds: mine };
  if (mine.includes(campaignInternalId)) return { kind: 'vendor' };
  await recordAudit(db, {
    actor: caller.actor,
    action,
    target: { type: 'loyalty_campaign', id: campaignInternalId },
    outcome: 'refused',
    detail: { reason: 'outside_store_scope' },
  });
  return { kind: 'none' };
}

/**
 * Whether a caller may see or change codes of this campaign: all stores, or the campaign's location is one of
 * theirs. Outside the scope the attempt is audited (refused, outside_store_scope) and the caller answers as
 * for an unknown code.
 */
export async function campaignInScope(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, campaignInternalId: string, action: string): Promise<boolean> {
  if (!caller.stores || caller.stores.all) return true;
  return (await codeSourceFor(db, deps, caller, caller.stores, campaignInternalId, action)).kind !== 'none';
}

/** The campaigns of a caller's stores, or null for all stores. */
export async function campaignsInScope(deps: LoyaltyDeps, caller: LoyaltyCaller): Promise<Set<string> | null> {
  const scope = caller.stores;
  if (!scope || scope.all) return null;
  const campaigns = await deps.footprints.getLoyaltyCampaigns(caller.accessToken);
  return new Set(campaigns.filter((c) => inScope(scope, c.locationId ?? null)).map((c) => c.internalId));
}

/** Every code of these campaigns matching the search term, campaign by campaign (capped). */
export async function gatherCodes(
  deps: LoyaltyDeps,
  accessToken: string,
  campaignIds: readonly string[],
  searchTerm: string | undefined,
): Promise<{ codes: LoyaltyCode[]; truncated: boolean }> {
  const codes: LoyaltyCode[] = [];
  let pages = 0;
  for (const campaignInternalId of campaignIds) {
    let got = 0;
    for (let page = 1; ; page++) {
      if (pages >= MAX_SCOPED_PAGES) return { codes, truncated: true };
      pages += 1;
      const answer = await deps.footprints.listCodes(accessToken, { campaignInternalId, searchTerm, page });
      codes.push(...answer.codes);
      got += answer.codes.length;
      if (answer.codes.length === 0 || got >= answer.totalResults) break;
    }
  }
  return { codes, truncated: false };
}
