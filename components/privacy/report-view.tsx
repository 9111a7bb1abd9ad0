'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { recordExportAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import type { LookupView } from '@/lib/privacy/lookup-records';
import { CHANNEL_LABELS } from '@/lib/privacy/lookup-rules';
import { formatInstant } from '@/lib/dates';
import { buildExportDocument, mergeActivities, type ExportDocument } from '@/lib/privacy/results';
import { caseProfile, lookupRows } from './results-store';

const REPORT_COLUMNS: TableColumn[] = ['Time', 'As sent', 'Type', 'Message', 'IP', 'Device / OS / browser', 'Link'].map((h) => ({ key: h, label: h }));

// The rows live in this tab's memory only: nothing to subscribe to, and the server never has them.
const noSubscription = () => () => {};

export function ReportView({ caseId, reference, lookup }: { caseId: string; reference: string; lookup: LookupView | null }) {
  const [doc, setDoc] = useState<ExportDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const produced = useRef(false);
  // Whether this tab holds rows of the lookup: null on the server (and while hydrating), then read from the tab.
  const inTab = useSyncExternalStore(
    noSubscription,
    () => (lookup ? lookupRows(lookup.id).size > 0 : false),
    () => null,
  );
  const empty = inTab === false;

  useEffect(() => {
    if (!lookup || !inTab || produced.current) return;
    const rowsByWindow = lookupRows(lookup.id);
    produced.current = true;
    const rows = mergeActivities(lookup.windows.map((w) => rowsByWindow.get(w.id) ?? []));
    const hasRows = (id: string) => rowsByWindow.has(id);
    const answered = lookup.windows.filter((w) => w.state === 'answered' && hasRows(w.id)).length;
    const failed = lookup.windows.filter((w) => w.state === 'failed').length;
    void recordExportAction({
      lookupId: lookup.id,
      format: 'report',
      rowCount: rows.length,
      windowsAnswered: answered,
      windowsFailed: failed,
      windowsNeverAsked: lookup.windows.length - answered - failed,
    }).then((result) => {
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setDoc(
        buildExportDocument({
          envelope: result.data,
          period: { from: lookup.from, to: lookup.to, channels: lookup.channels },
          windows: lookup.windows,
          hasRows,
          rows,
          profile: caseProfile(caseId) ?? null,
        }),
      );
    });
  }, [caseId, lookup, inTab]);

  const back = (
    <Link href={`/privacy/${caseId}`} className="text-blue-800 underline">
      Back to case {reference}
    </Link>
  );
  if (!lookup || empty) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">Report for {reference}</h1>
        <p className="mt-3">
          No lookup results in this browser tab. The console keeps no activity rows: run or resume the lookup on the case, then open the report from
          there.
        </p>
        <p className="mt-3">{back}</p>
      </section>
    );
  }
  if (error) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
        <p className="mt-3">{back}</p>
      </section>
    );
  }
  if (!doc) return <p role="status">Producing the report…</p>;

  return (
    <article className="bg-white p-6 text-slate-900" data-testid="privacy-report">
      <div className="no-print mb-4 flex gap-3">
        <Button type="button" onClick={() => window.print()}>
          Print
        </Button>
        {back}
      </div>
      <header className="report-head">
        <h1 className="text-2xl font-bold">Your personal data: e-mail and SMS activity</h1>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
          <dt className="font-medium">Case reference</dt>
          <dd data-testid="report-reference">{doc.reference}</dd>
          <dt className="font-medium">Request received</dt>
          <dd>{doc.receivedOn}</dd>
          <dt className="font-medium">Produced</dt>
          <dd data-testid="report-produced">{formatInstant(doc.producedAt, doc.timeZone, 'isoMinute', '')} ({doc.timeZone})</dd>
          <dt className="font-medium">Data subject</dt>
          <dd>{[doc.subject.email, doc.subject.phone].filter(Boolean).join(', ')}</dd>
          <dt className="font-medium">Period</dt>
          <dd>
            {doc.period.from} to {doc.period.to}
          </dd>
        </dl>
        <h2 className="mt-4 text-lg font-bold">Coverage</h2>
        <p className="text-sm" data-testid="report-coverage">
          {doc.coverage.statement}
        </p>
      </header>
      {doc.period.channels.map((channel) => {
        const rows = doc.activities.filter((r) => r.channel === channel);
        const types = doc.counts.byChannelAndType[channel] ?? {};
        return (
          <section key={channel} className="report-channel mt-6" data-testid={`report-channel-${channel}`} aria-labelledby={`report-${channel}`}>
            <h2 id={`report-${channel}`} className="text-xl font-bold">
              {CHANNEL_LABELS[channel]} — {rows.length} activities
            </h2>
            <p className="text-sm">
              {Object.entries(types)
                .map(([t, n]) => `${t}: ${n}`)
                .join(' · ') || 'No activity in the answered windows.'}
            </p>
            <p className="text-xs text-slate-700">
              Case {doc.reference} · produced {formatInstant(doc.producedAt, doc.timeZone, 'isoMinute', '')}
            </p>
            {rows.length ? (
              <div className="mt-2">
                <Table caption={`${CHANNEL_LABELS[channel]} activities, oldest first`} captionHidden columns={REPORT_COLUMNS} rowCount={rows.length} textSize="xs">
                  {rows.map((r, i) => (
                    <Tr key={i} className="border-slate-100">
                      <Td className="whitespace-nowrap">{r.timeStore}</Td>
                      <Td className="whitespace-nowrap">{r.rawDate}</Td>
                      <Td>{r.activity}</Td>
                      <Td>
                        {r.messageId} {r.messageName}
                      </Td>
                      <Td>{r.ip}</Td>
                      <Td>{[r.device, r.os, r.browser].filter(Boolean).join(' / ')}</Td>
                      <Td className="break-all">{r.link}</Td>
                    </Tr>
                  ))}
                </Table>
              </div>
            ) : null}
          </section>
        );
      })}
      {doc.footprintsProfile ? (
        <section className="report-channel mt-6" aria-labelledby="report-profile">
          <h2 id="report-profile" className="text-xl font-bold">
            Profile at Footprints (retail CRM)
          </h2>
          {doc.footprintsProfile.found ? (
            <pre className="mt-2 text-xs whitespace-pre-wrap">{JSON.stringify(doc.footprintsProfile.record, null, 2)}</pre>
          ) : (
            <p>Footprints holds no client record with this e-mail and phone.</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
