import 'server-only';
import type { Db } from '@/lib/db';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { consumeLookup } from './rate-limit';
import { parseFootprintsDate } from '@/lib/vendors/footprints';
import { CODE_STATE_LABELS, codeStateOf, isExpired, type CodeState, type CodeStatus } from './rules';
import { toIso } from './views';

export interface HistoryRow {
  code: string;
  campaignName: string | null;
  campaignInternalId: string | null;
  status: CodeStatus;
  state: CodeState;
  statusLabel: string;
  prize: string | null;
  location: string | null;
  expiresAt: string | null;
  lastUpdate: string | null;
}

export async function getPrizeHistory(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, input: { email: string; phone: string }): Promise<HistoryRow[]> {
  await consumeLookup(db, caller.actor.id, 'history', { now: deps.now() });
  const entries = await deps.footprints.getPrizeHistory(caller.accessToken, { userEmail: input.email, userPhone: input.phone });
  return sortNewestFirst(
    entries.map((e) => {
      const expiresAt = parseFootprintsDate(e.expire_code_date, deps.timeZone);
      // The label follows the real state: an expired code is not "Ready to redeem".
      const state = codeStateOf(e.status, isExpired(expiresAt, deps.now()));
      return {
        code: e.code,
        campaignName: e.campaign?.name ?? null,
        campaignInternalId: e.campaign?.internalId ?? null,
        status: e.status,
        state,
        statusLabel: CODE_STATE_LABELS[state],
        prize: e.prize?.name ?? null,
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
