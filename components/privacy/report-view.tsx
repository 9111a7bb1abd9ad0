'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { recordExportAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import type { LookupView } from '@/lib/privacy/lookup-records';
import { CHANNEL_LABELS } from '@/lib/privacy/lookup-rules';
import { formatInstant } from '@/lib/dates';
import { buildExportDocument, mergeActivities, type ExportDocument } from '@/lib/privacy/results';
import { caseProfile, lookupRows } from './results-store';


export function ReportView({ caseId, reference, lookup }: { caseId: string; reference: string; lookup: LookupView | null }) {
  const [doc, setDoc] = useState<ExportDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const produced = useRef(false);

  useEffect(() => {
    if (!lookup || produced.current) return;
    const rowsByWindow = lookupRows(lookup.id);
    if (rowsByWindow.size === 0) {
      setEmpty(true);
      return;
    }
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
  }, [caseId, lookup]);

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
            <table className="mt-2 w-full text-left text-xs">
              <thead>
                <tr>
                  {['Time', 'As sent', 'Type', 'Message', 'IP', 'Device / OS / browser', 'Link'].map((h) => (
                    <th key={h} scope="col" className="border-b px-1">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i} className="border-b border-slate-100 align-top">
                    <td className="px-1 whitespace-nowrap">{r.timeStore}</td>
                    <td className="px-1 whitespace-nowrap">{r.rawDate}</td>
                    <td className="px-1">{r.activity}</td>
                    <td className="px-1">
                      {r.messageId} {r.messageName}
                    </td>
                    <td className="px-1">{r.ip}</td>
                    <td className="px-1">{[r.device, r.os, r.browser].filter(Boolean).join(' / ')}</td>
                    <td className="px-1 break-all">{r.link}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
