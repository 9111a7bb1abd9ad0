import { Badge } from '@/components/ui/badge';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { formatInstant } from '@/lib/dates';
import type { HistoryRow } from '@/lib/loyalty/get-prize-history';
import { CODE_COLUMNS, STATUS_TONES } from './format';

const COLUMNS: TableColumn[] = [
  ...CODE_COLUMNS,
  { key: 'location', label: 'Location' },
  { key: 'expires', label: 'Expires' },
  { key: 'updated', label: 'Last update' },
];

/** Every prize of the checked customer, across campaigns. */
export function PrizeHistory({ rows, timeZone }: { rows: HistoryRow[]; timeZone: string }) {
  return (
    <section aria-labelledby="history-title" className="rounded-xl border border-slate-200 p-4">
      <h2 id="history-title" className="text-lg font-semibold">
        Prize history
      </h2>
      <div className="mt-2">
        <Table
          testId="history-table"
          caption="The customer’s prizes, newest first"
          captionHidden
          columns={COLUMNS}
          rowCount={rows.length}
          textSize="base"
          minWidthClass="min-w-[720px]"
          empty="This customer has no prizes yet."
        >
          {rows.map((r) => (
            <Tr key={`${r.campaignInternalId}:${r.code}`} data-testid={`history-${r.code}`}>
              <Td className="font-mono font-semibold">{r.code}</Td>
              <Td>{r.campaignName ?? '—'}</Td>
              <Td>
                <Badge tone={STATUS_TONES[r.state]}>{r.statusLabel}</Badge>
              </Td>
              <Td>{r.prize ?? '—'}</Td>
              <Td>{r.location ?? '—'}</Td>
              <Td>{formatInstant(r.expiresAt, timeZone, 'day')}</Td>
              <Td>{formatInstant(r.lastUpdate, timeZone, 'dayTime')}</Td>
            </Tr>
          ))}
        </Table>
      </div>
    </section>
  );
}
