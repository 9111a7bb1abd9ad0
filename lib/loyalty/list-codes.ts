import 'server-only';
import type { StoreScope } from '@/lib/auth/stores';
import type { Db } from '@/lib/db';
import type { CodeListPage } from '@/lib/vendors/footprints';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { codeSourceFor, gatherCodes, SCOPED_PAGE_SIZE } from './scoped-codes';
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

/** One page of the code list: the caller's stores' campaigns only (lib/loyalty/scoped-codes.ts). */
export async function listCodes(
  db: Db,
  deps: LoyaltyDeps,
  caller: LoyaltyCaller,
  scope: StoreScope,
  filter: { campaignInternalId?: string; searchTerm?: string; page: number },
): Promise<CodeListResult> {
  const source = await codeSourceFor(db, deps, caller, scope, filter.campaignInternalId, 'loyalty.listCodes');
  let page: CodeListPage;
  if (source.kind === 'vendor') page = await deps.footprints.listCodes(caller.accessToken, filter);
  else if (source.kind === 'none') page = { codes: [], page: 1, totalResults: 0 };
  else {
    const { codes } = await gatherCodes(deps, caller.accessToken, source.campaignIds, filter.searchTerm);
    const start = (filter.page - 1) * SCOPED_PAGE_SIZE;
    page = { codes: codes.slice(start, start + SCOPED_PAGE_SIZE), page: filter.page, totalResults: codes.length };
  }
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
