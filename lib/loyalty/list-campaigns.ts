import 'server-only';
import type { LoyaltyDeps } from './deps';
import { campaignView, storeCache, type CampaignView } from './views';

/** The active campaigns (everyone at the desk) or every campaign (managers browsing). */
export async function listCampaigns(deps: LoyaltyDeps, accessToken: string, scope: 'active' | 'all'): Promise<CampaignView[]> {
  const list = scope === 'all' ? await deps.footprints.getLoyaltyCampaigns(accessToken) : await deps.footprints.getActiveLoyaltyCampaigns(accessToken);
  return list.map((c) => campaignView(c, deps)).sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
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
