/**
 * The privacy pages' reads: the case list (masked), one case with its lookups, the report's latest lookup.
 * Pages call these and never the database.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { todayInZone } from '@/lib/dates';
import { getCaseRow, listCases, toMaskedCase, type CaseListPage, type MaskedCase } from './case-records';
import { listLookups, type LookupView } from './lookup-records';
import type { PrivacyCaseStatus } from './constants';

/** The store's calendar date (YYYY-MM-DD): the forms refuse later dates. */
export const storeToday = (): string => todayInZone(getConfig().storeTimezone);

export async function listCasesPage(query: { status?: PrivacyCaseStatus; reference?: string; page?: number }): Promise<CaseListPage> {
  return listCases(await getDb(), query, storeToday());
}

/** One case (masked) and its lookups, newest first; null when there is no such case. */
export async function getCasePage(caseId: string): Promise<{ kase: MaskedCase; lookups: LookupView[] } | null> {
  const db = await getDb();
  const row = await getCaseRow(db, caseId);
  if (!row) return null;
  return { kase: toMaskedCase(row, storeToday()), lookups: await listLookups(db, caseId) };
}

/** What the printable report needs from the server: the case reference and its latest lookup. */
export async function getReportPage(caseId: string): Promise<{ reference: string; lookup: LookupView | null } | null> {
  const db = await getDb();
  const row = await getCaseRow(db, caseId);
  if (!row) return null;
  const [latest] = await listLookups(db, caseId);
  return { reference: row.reference, lookup: latest ?? null };
}
