import 'server-only';
import type { LoyaltyDeps } from './deps';
import { CODE_STATE_LABELS, type CodeState, type CodeStatus } from './rules';
import { listedStateOf } from './views';

export interface CodeListRow {
  code: string;
  campaignName: string | null;
  campaignInternalId: string | null;
  status: CodeStatus;
  state: CodeState;
  statusLabel: string;
  prize: string | null;
  customerName: string | null;
  hostess: string | null;
}

export interface CodeListResult {
  rows: CodeListRow[];
  page: number;
  totalResults: number;
}

export async function listCodes(deps: LoyaltyDeps, accessToken: string, filter: { campaignInternalId?: string; searchTerm?: string; page: number }): Promise<CodeListResult> {
  const page = await deps.footprints.listCodes(accessToken, filter);
  return {
    page: page.page,
    totalResults: page.totalResults,
    rows: page.codes.map((c) => {
      const state = listedStateOf(c, deps);
      return {
        code: c.code,
        campaignName: c.campaign?.name ?? null,
        campaignInternalId: c.campaign?.internalId ?? null,
        status: c.status,
        state,
        statusLabel: CODE_STATE_LABELS[state],
        prize: c.prize?.name ?? null,
        customerName: [c.client?.userFirstName, c.client?.userLastName].filter(Boolean).join(' ') || null,
        hostess: c.hostess?.name ?? null,
      };
    }),
  };
}
