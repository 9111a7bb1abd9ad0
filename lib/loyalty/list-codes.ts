import 'server-only';
import type { LoyaltyDeps } from './deps';
import { codeRowBase, listedStateOf, type CodeRowBase } from './views';

export interface CodeListRow extends CodeRowBase {
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
      return {
        ...codeRowBase(c, listedStateOf(c, deps)),
        customerName: [c.client?.userFirstName, c.client?.userLastName].filter(Boolean).join(' ') || null,
        hostess: c.hostess?.name ?? null,
      };
    }),
  };
}
