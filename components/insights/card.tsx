import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { InsightsFilters } from '@/lib/insights/filter-params';
import type { CardTable } from '@/lib/insights/tables';
import { CsvButton } from './csv-button';
import { DataTable } from './data-table';

/** One card of the insights page: a title, what it counts, then its charts and tables. */
export function InsightsCard({ id, title, description, children }: { id: string; title: string; description: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm" data-testid={`card-${id}`}>
      <div>
        <h2 id={`${id}-title`} className="text-xl font-bold">
          {title}
        </h2>
        <p className="text-sm text-slate-700">{description}</p>
      </div>
      {children}
    </section>
  );
}

/**
 * A table view with its two CSV downloads: in the person's language (the same cells), and the machine-readable
 * variant (English keys and codes, plain numbers) for a program or a sheet that must not change with the language.
 */
export function TableWithCsv({ table, filters }: { table: CardTable; filters: InsightsFilters }) {
  const t = useTranslations('insights.csv');
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-end gap-2">
        <CsvButton card={table.id} filters={filters} variant="localized" text={t('button')} label={t('label', { table: table.caption })} pendingLabel={t('preparing')} />
        <CsvButton card={table.id} filters={filters} variant="machine" text={t('machineButton')} label={t('machineLabel', { table: table.caption })} pendingLabel={t('preparing')} />
      </div>
      <DataTable table={table} />
    </div>
  );
}
