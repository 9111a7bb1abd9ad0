import 'server-only';
import type { Db } from '@/lib/db';
import type { InsightsFilters } from './filters';
import { computeInsights } from './queries';
import { cardTables, tableToCsv, type CardId } from './tables';

/** One card of the insights page as CSV, computed exactly as the page computes it. */
export async function exportCardCsv(db: Db, card: CardId, filters: InsightsFilters, timeZone: string, now: Date): Promise<{ fileName: string; csv: string }> {
  const table = cardTables(await computeInsights(db, filters, timeZone, now))[card];
  return { fileName: `insights-${card}-${filters.from}-${filters.to}.csv`, csv: tableToCsv(table) };
}
