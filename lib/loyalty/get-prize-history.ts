import 'server-only';
import type { Db } from '@/lib/db';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { consumeLookup } from './rate-limit';
import { campaignsInScope } from './scoped-codes';
import { parseFootprintsDate } from '@/lib/vendors/footprints';
import { codeStateOf, isExpired } from './rules';
import { codeRowBase, toIso, type CodeRowBase } from './views';

export interface HistoryRow extends CodeRowBase {
  location: string | null;
  expiresAt: string | null;
  lastUpdate: string | null;
}

export async function getPrizeHistory(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, input: { email: string; phone: string }): Promise<HistoryRow[]> {
  await consumeLookup(db, caller.actor.id, 'history', { now: deps.now() });
  const [all, mine] = await Promise.all([
    deps.footprints.getPrizeHistory(caller.accessToken, { userEmail: input.email, userPhone: input.phone }),
    campaignsInScope(deps, caller),
  ]);
  // Only codes of the caller's stores' campaigns: another store's prizes are not shown (issue 12).
  const entries = mine ? all.filter((e) => e.campaign?.internalId && mine.has(e.campaign.internalId)) : all;
  return sortNewestFirst(
    entries.map((e) => {
      const expiresAt = parseFootprintsDate(e.expire_code_date, deps.timeZone);
      // The label follows the real state: an expired code is not "Ready to redeem".
      const state = codeStateOf(e.status, isExpired(expiresAt, deps.now()));
      return {
        ...codeRowBase(e, state),
        location: e.location?.name ?? null,
        expiresAt: expiresAt?.toISOString() ?? null,
        lastUpdate: toIso(e.last_update, deps.timeZone),
      };
    }),
  );
}

/** Newest last update first; entries without a date last; ties by code for a stable order. */
export function sortNewestFirst<T extends { lastUpdate: string | null; code: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => {
    const ta = a.lastUpdate ? Date.parse(a.lastUpdate) : -Infinity;
    const tb = b.lastUpdate ? Date.parse(b.lastUpdate) : -Infinity;
    return tb - ta || a.code.localeCompare(b.code);
  });
}
