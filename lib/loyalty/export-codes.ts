import 'server-only';
import { recordAudit } from '@/lib/audit';
import { describeScope, type StoreScope } from '@/lib/auth/stores';
import type { Db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { serverTranslator } from '@/lib/i18n/server-words';
import type { LoyaltyCode } from '@/lib/vendors/footprints';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { CODE_STATE_LABELS, CSV_BOM, toCsv, type CsvValue } from './rules';
import { codeSourceFor, gatherCodes } from './scoped-codes';
import { listedStateOf } from './views';

/** Pages fetched at most for one export (the vendor's page size is not documented; the sandbox's is 20). */
export const MAX_EXPORT_PAGES = 200;

/** The stable, machine-readable column names (English keys): the 'keys' variant's first line, never translated. */
export const CSV_HEADER = ['code', 'campaign_id', 'campaign', 'status', 'prize', 'prize_points', 'first_name', 'last_name', 'email', 'phone', 'allocated_by'] as const;

/**
 * How the file is written. 'words' (what a person opens): column names and statuses in `locale`
 * (messages loyaltyCodes.csv.* and loyalty.states.*). 'keys' (what a program reads): CSV_HEADER and the
 * statuses' English words, the same whatever the person's language.
 */
export interface CsvOptions {
  headers: 'words' | 'keys';
  locale: Locale;
}

export interface CsvExport {
  filename: string;
  csv: string;
  rows: number;
  truncated: boolean;
}

/**
 * Every code matching the current filter (campaign, search term; all pages) as CSV, with the customers'
 * personal data: managers only (the action's permission), and audited without the content. UTF-8 with a
 * BOM, statuses in the list's words, phone numbers kept as text.
 */
export async function exportCodes(
  db: Db,
  deps: LoyaltyDeps,
  caller: LoyaltyCaller,
  scope: StoreScope,
  filter: { campaignInternalId?: string; searchTerm?: string },
  options: CsvOptions = { headers: 'keys', locale: 'en' },
): Promise<CsvExport> {
  const t = serverTranslator(options.locale);
  const words = options.headers === 'words';
  const header = words ? CSV_HEADER.map((key) => t(`loyaltyCodes.csv.${key}`)) : CSV_HEADER;
  const rows: CsvValue[][] = [];
  let total = 0;
  let page = 1;
  let truncated = false;
  const add = (codes: readonly LoyaltyCode[]) => {
    for (const c of codes) {
      rows.push([
        c.code,
        c.campaign?.internalId ?? '',
        c.campaign?.name ?? '',
        // The screen's words for the code's real state (an expired code is not "associated").
        words ? t(`loyalty.states.${listedStateOf(c, deps)}`) : CODE_STATE_LABELS[listedStateOf(c, deps)],
        c.prize?.name ?? '',
        c.prize?.pointsValue ?? '',
        c.client?.userFirstName ?? '',
        c.client?.userLastName ?? '',
        c.client?.userEmail ?? '',
        c.client?.userPhone ? { text: c.client.userPhone } : '',
        c.hostess?.name ?? '',
      ]);
    }
  };
  // Only the caller's stores' campaigns (lib/loyalty/scoped-codes.ts).
  const source = await codeSourceFor(db, deps, caller, scope, filter.campaignInternalId, 'loyalty.exportCodes');
  if (source.kind === 'campaigns') {
    const gathered = await gatherCodes(deps, caller.accessToken, source.campaignIds, filter.searchTerm);
    add(gathered.codes);
    total = gathered.codes.length;
    truncated = gathered.truncated;
  }
  for (; source.kind === 'vendor'; ) {
    const answer = await deps.footprints.listCodes(caller.accessToken, { ...filter, page });
    total = answer.totalResults;
    add(answer.codes);
    if (answer.codes.length === 0 || rows.length >= total) break;
    if (page >= MAX_EXPORT_PAGES) {
      truncated = true;
      break;
    }
    page += 1;
  }
  await recordAudit(db, {
    actor: caller.actor,
    action: 'loyalty.exportCodes',
    target: { type: 'loyalty_campaign', id: filter.campaignInternalId ?? 'all' },
    outcome: 'success',
    detail: { headers: options.headers, searchTerm: filter.searchTerm ?? null, rows: rows.length, totalResults: total, truncated, personalData: true, stores: describeScope(scope) },
  });
  const stamp = deps.now().toISOString().slice(0, 10);
  return { filename: `loyalty-codes-${filter.campaignInternalId ?? 'all'}-${stamp}.csv`, csv: CSV_BOM + toCsv(header, rows), rows: rows.length, truncated };
}
