'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { RowHeader, Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { formatInstant } from '@/lib/dates';
import { CHANNEL_LABELS } from '@/lib/privacy/lookup-rules';
import type { PrivacyChannel } from '@/lib/privacy/constants';
import type { ActivityRow, countActivities } from '@/lib/privacy/results';

const CHANNEL_COLUMNS: TableColumn[] = [
  { key: 'channel', label: 'Channel' },
  { key: 'n', label: 'Activities', className: 'text-right' },
];
const TYPE_COLUMNS: TableColumn[] = [
  { key: 'type', label: 'Type' },
  { key: 'n', label: 'Activities', className: 'text-right' },
];
const ACTIVITY_COLUMNS: TableColumn[] = ['Channel', 'Type', 'Message', 'Time (store)', 'As sent', 'IP', 'Device', 'OS', 'Browser', 'Link'].map((h) => ({ key: h, label: h }));

/** The rows this tab holds: counts per channel and type, the exports, and every activity. */
export function LookupResults({
  caseId,
  channels,
  rows,
  counts,
  timeZone,
  canExport,
  running,
  onExport,
  onClear,
}: {
  caseId: string;
  channels: readonly PrivacyChannel[];
  rows: ActivityRow[];
  counts: ReturnType<typeof countActivities>;
  timeZone: string;
  canExport: boolean;
  running: boolean;
  onExport: (format: 'csv' | 'json') => void;
  onClear: () => void;
}) {
  return (
    <section aria-labelledby="results-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h2 id="results-title" className="text-xl font-bold">
        Results
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Kept only in this browser tab until you export them; the console stores the windows and counts, never the rows.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <Table testId="counts-by-channel" caption="Per channel" columns={CHANNEL_COLUMNS} rowCount={channels.length + 1}>
          {channels.map((c) => (
            <Tr key={c}>
              <RowHeader className="font-normal">{CHANNEL_LABELS[c]}</RowHeader>
              <Td className="text-right">{counts.byChannel[c] ?? 0}</Td>
            </Tr>
          ))}
          <Tr>
            <RowHeader>Total</RowHeader>
            <Td className="text-right font-semibold" data-testid="total-count">
              {counts.total}
            </Td>
          </Tr>
        </Table>
        <Table testId="counts-by-type" caption="Per activity type" columns={TYPE_COLUMNS} rowCount={Object.keys(counts.byType).length} empty="No activities.">
          {Object.entries(counts.byType)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([type, n]) => (
              <Tr key={type}>
                <RowHeader className="font-normal">{type}</RowHeader>
                <Td className="text-right">{n}</Td>
              </Tr>
            ))}
        </Table>
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        {canExport ? (
          <>
            <Button type="button" onClick={() => onExport('csv')} disabled={running}>
              Download CSV
            </Button>
            <Button type="button" onClick={() => onExport('json')} disabled={running}>
              Download JSON
            </Button>
            <Link
              href={`/privacy/${caseId}/report`}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50"
            >
              Printable report
            </Link>
          </>
        ) : null}
        <Button type="button" variant="ghost" onClick={onClear} disabled={running}>
          Clear results from this browser
        </Button>
      </div>
      <div className="mt-4">
        <Table testId="activity-table" caption="Channel activity, oldest first" captionHidden columns={ACTIVITY_COLUMNS} rowCount={rows.length} empty="No activity in the answered windows.">
          {rows.map((r, i) => (
            <Tr key={i} data-testid="activity-row" className="border-slate-100">
              <Td>{r.channel}</Td>
              <Td>{r.activity}</Td>
              <Td>
                <span data-testid="message-id">{r.messageId ?? ''}</span>
                {r.messageName ? <span className="block text-slate-700">{r.messageName}</span> : null}
              </Td>
              <Td className="whitespace-nowrap" data-testid="time-store">
                {formatInstant(r.at, timeZone, 'isoMinute', '')}
              </Td>
              <Td className="whitespace-nowrap text-slate-700" data-testid="time-raw">
                {r.rawDate}
              </Td>
              <Td>{r.ip ?? ''}</Td>
              <Td>{r.device ?? ''}</Td>
              <Td>{r.os ?? ''}</Td>
              <Td>{r.browser ?? ''}</Td>
              <Td className="break-all">{r.link ?? ''}</Td>
            </Tr>
          ))}
        </Table>
      </div>
    </section>
  );
}
