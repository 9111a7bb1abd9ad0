import { useTranslations } from 'next-intl';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { formatInstant } from '@/lib/dates';
import type { HistoryRow } from '@/lib/loyalty/get-prize-history';
import { codeColumns, STATUS_TONES } from './format';

/** Every prize of the checked customer, across campaigns. */
export function PrizeHistory({ rows, timeZone }: { rows: HistoryRow[]; timeZone: string }) {
  const t = useTranslations('loyalty');
  const locale = useConsoleLocale();
  const columns: TableColumn[] = [
    ...codeColumns((key) => t(`columns.${key}`)),
    { key: 'location', label: t('columns.location') },
    { key: 'expires', label: t('columns.expires') },
    { key: 'updated', label: t('columns.updated') },
  ];
  return (
    <section aria-labelledby="history-title" className="rounded-xl border border-slate-200 p-4">
      <h2 id="history-title" className="text-lg font-semibold">
        {t('historyTitle')}
      </h2>
      <div className="mt-2">
        <Table
          testId="history-table"
          caption={t('historyCaption')}
          captionHidden
          columns={columns}
          rowCount={rows.length}
          textSize="base"
          minWidthClass="min-w-[720px]"
          empty={t('historyEmpty')}
        >
          {rows.map((r) => (
            <Tr key={`${r.campaignInternalId}:${r.code}`} data-testid={`history-${r.code}`}>
              <Td className="font-mono font-semibold">{r.code}</Td>
              <Td>{r.campaignName ?? '—'}</Td>
              <Td>
                <Badge tone={STATUS_TONES[r.state]}>{t(`states.${r.state}`)}</Badge>
              </Td>
              <Td>{r.prize ?? '—'}</Td>
              <Td>{r.location ?? '—'}</Td>
              <Td>{formatInstant(r.expiresAt, timeZone, 'day', '—', locale)}</Td>
              <Td>{formatInstant(r.lastUpdate, timeZone, 'dayTime', '—', locale)}</Td>
            </Tr>
          ))}
        </Table>
      </div>
    </section>
  );
}
