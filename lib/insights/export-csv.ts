import 'server-only';
import type { Db } from '@/lib/db';
import { serverTranslator } from '@/lib/i18n/server-words';
import type { Locale } from '@/lib/i18n/locales';
import type { InsightsFilters } from './filters';
import { computeInsights } from './queries';
import { cardTables, localTableWords, MACHINE_TABLE_WORDS, tableToCsv, type CardId, type CsvVariant, type TableWords, type Words } from './tables';

/**
 * The words of a CSV: `localized` in the person's language (the page's very cells), `machine` with English
 * keys and codes and plain numbers, the same whatever the language.
 */
export function csvTableWords(variant: CsvVariant, locale: Locale, timeZone: string): TableWords {
  if (variant === 'machine') return MACHINE_TABLE_WORDS;
  const t = serverTranslator(locale) as unknown as Words;
  return localTableWords(
    (key, values) => t(`insights.${key}`, values),
    (key, values) => t(`leads.${key}`, values),
    locale,
    timeZone,
  );
}

/**
 * One card of the insights page as CSV, computed exactly as the page computes it. The machine-readable variant's
 * file name ends in `-keys`.
 */
export async function exportCardCsv(
  db: Db,
  card: CardId,
  filters: InsightsFilters,
  timeZone: string,
  now: Date,
  { variant = 'localized', locale = 'en' }: { variant?: CsvVariant; locale?: Locale } = {},
): Promise<{ fileName: string; csv: string }> {
  const table = cardTables(await computeInsights(db, filters, timeZone, now), csvTableWords(variant, locale, timeZone))[card];
  return { fileName: `insights-${card}-${filters.from}-${filters.to}${variant === 'machine' ? '-keys' : ''}.csv`, csv: tableToCsv(table) };
}
