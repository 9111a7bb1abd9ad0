import 'server-only';
import { log } from '@/lib/log';
import type { Campaign } from '@/lib/vendors/footprints';
import type { LoyaltyDeps } from './deps';
import { END_CACHE_MS, campaignView, endCache, storeCache, type CampaignView } from './views';

const newestFirst = (a: CampaignView, b: CampaignView) => (b.startDate ?? '').localeCompare(a.startDate ?? '');

/**
 * The campaigns of the desk: the active ones, then those ended recently enough to still check a code in
 * (marked `recently_ended`: customers bring last month's voucher; everyone at the desk); or every campaign
 * (managers browsing).
 */
export async function listCampaigns(deps: LoyaltyDeps, accessToken: string, scope: 'active' | 'all'): Promise<CampaignView[]> {
  if (scope === 'all') {
    const list = await deps.footprints.getLoyaltyCampaigns(accessToken);
    return list.map((c) => campaignView(c, deps)).sort(newestFirst);
  }
  const [active, all] = await Promise.all([
    deps.footprints.getActiveLoyaltyCampaigns(accessToken),
    // The ended ones come from the full list; without it the desk still works with the active ones.
    deps.footprints.getLoyaltyCampaigns(accessToken).catch((error: unknown) => {
      log('warn', 'loyalty.campaigns_all_failed', { error: error instanceof Error ? error : String(error) });
      return [] as Campaign[];
    }),
  ]);
  const current = active.map((c) => campaignView(c, deps));
  const known = new Set(current.map((c) => c.internalId));
  const ended = all
    .filter((c) => !known.has(c.internalId))
    .map((c) => campaignView(c, deps))
    .filter((c) => c.phase === 'recently_ended')
    .sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''));
  return [...current.sort(newestFirst), ...ended];
}

/** When the campaign ended, if it has; null while it runs or when Footprints does not say. */
export async function campaignEndedAt(deps: LoyaltyDeps, accessToken: string, campaignInternalId: string): Promise<Date | null> {
  let known = endCache.get(campaignInternalId);
  if (!known || Date.now() - known.at > END_CACHE_MS) {
    const all = await deps.footprints.getLoyaltyCampaigns(accessToken);
    for (const c of all) campaignView(c, deps);
    known = endCache.get(campaignInternalId);
  }
  const end = known?.endDate ?? null;
  return end && end.getTime() < deps.now().getTime() ? end : null;
}

/**
 * The store a campaign runs in (its location). Known from a listing; otherwise asked once. The audit
 * records it as the store of a change (the console knows no store per tablet).
 */
export async function storeOf(deps: LoyaltyDeps, accessToken: string, campaignInternalId: string): Promise<string | null> {
  if (storeCache.get(campaignInternalId)) return storeCache.get(campaignInternalId) ?? null;
  try {
    await listCampaigns(deps, accessToken, 'active');
  } catch {
    /* the store is context, not a reason to fail */
  }
  return storeCache.get(campaignInternalId) ?? null;
}
