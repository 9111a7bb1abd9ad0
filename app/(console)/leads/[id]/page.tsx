import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CompleteLeadForm } from '@/components/leads/lead-completion';
import { DocumentUpload } from '@/components/leads/lead-documents';
import { NpsForm } from '@/components/leads/lead-nps';
import { StatusPanel } from '@/components/leads/lead-status-panel';
import { ActionTimeline, type TimelineEntryView } from '@/components/leads/lead-timeline';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '@/lib/leads/pdf';
import { LEAD_STATUSES, LOST_REASON_LABELS, STATUS_LABELS, type LeadStatus, type LostReason } from '@/lib/leads/status-rules';
import { consentProofOf } from '@/lib/capture/queries';
import { LOCALE_NAMES } from '@/lib/i18n/locales';
import { leadPage } from '@/lib/leads/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('lead') };
}
export const dynamic = 'force-dynamic';

const SHOWN_ELSEWHERE = new Set(['_id', 'offer', 'sku', 'consultant', 'tags', 'marketingChannels', 'customDetails', 'status']);

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded-2xl bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 id={id} className="mb-3 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export default async function LeadDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePagePermission('leads.view');
  const { id } = await params;
  const { move } = await searchParams;
  const openWith = typeof move === 'string' && (LEAD_STATUSES as readonly string[]).includes(move) ? (move as LeadStatus) : null;
  const tz = getConfig().storeTimezone;
  const detail = await leadPage(session, id);
  if (!detail) notFound();
  const { record, summary, options } = detail;
  const consent = await consentProofOf(id);

  const timeline: { entries: TimelineEntryView[]; types: { id: string; name: string }[] } = detail.timeline ?? { entries: [], types: [] };
  const timelineError = detail.timeline
    ? null
    : 'The action timeline could not be loaded from Footprints right now. Reload the page in a minute.';
  const { completion } = detail;
  const completionError = summary.missing.length && !completion ? 'The stores, offers and consultants could not be loaded from Footprints right now. Reload the page in a minute.' : null;
  const nameIn = (list: { id: string; name: string }[], value: string | null) => (value ? (list.find((o) => o.id === value)?.name ?? value) : '—');
  const raw = record.raw as Record<string, unknown>;
  const otherFields = Object.entries(raw).filter(([k, v]) => !SHOWN_ELSEWHERE.has(k) && (typeof v !== 'object' || v === null));

  return (
    <div className="flex flex-col gap-4">
      <div className="rounded-2xl bg-white p-4 shadow-sm">
        <Link href="/leads" className="text-sm text-blue-800 hover:underline">
          ← Pipeline
        </Link>
        {/* A long name wraps inside the heading (never past it). */}
        <h1 className="mt-1 text-2xl font-bold [overflow-wrap:anywhere]" data-testid="lead-name">
          {summary.name}
        </h1>
        <p className="mt-1 text-base" data-testid="lead-status">
          Status: <strong>{STATUS_LABELS[record.status as LeadStatus]}</strong> · created {formatInstant(record.vendorCreatedAt, tz, 'dayTimeSeconds')}
        </p>
        {summary.missing.length ? (
          <div className="mt-3">
            <CompleteLeadForm
              leadId={record.id}
              missing={summary.missing}
              current={{ locationId: record.locationId, offerCategoryId: record.offerCategoryId, offerId: record.offerId, consultantId: record.consultantId }}
              options={completion}
              optionsError={completionError}
            />
          </div>
        ) : null}
        <div className="mt-3">
          <StatusPanel leadId={record.id} leadName={summary.name} status={record.status as LeadStatus} openWith={openWith} />
        </div>
      </div>

      <Section title="Details">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          {[
            ['E-mail', record.email],
            ['Phone', record.phone],
            ['Offer category', record.offerCategoryName],
            ['Offer', record.offerName ? `${record.offerName}${record.offerPrice !== null ? ` (${record.offerPrice})` : ''}` : null],
            ['SKU', record.skuName ? `${record.skuName}${record.skuExternalId ? ` · ${record.skuExternalId}` : ''}` : record.skuExternalId],
            ['Channel', nameIn(options.channels, record.channelId)],
            ['Location', nameIn(options.locations, record.locationId)],
            ['Consultant', record.consultantName],
            ['Tags', record.tags.length ? record.tags.join(', ') : null],
            ['Contract', record.contractNumber ? `${record.contractNumber} · ${record.contractValue ?? '—'} · ${record.contractDate ?? '—'}` : null],
            ['Contract description', record.contractDescription],
            ['Lost reason', record.reasonLost ? (LOST_REASON_LABELS[record.reasonLost as LostReason] ?? record.reasonLost) : null],
            ['Lost comment', record.lostComment],
            ['Last update in Footprints', record.vendorUpdatedAt ? formatInstant(record.vendorUpdatedAt, tz, 'dayTimeSeconds') : null],
          ].map(([label, value]) => (
            <div key={label as string}>
              <dt className="text-sm font-medium text-slate-600">{label}</dt>
              <dd>{show(value)}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium">Every field Footprints sent</summary>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {otherFields.map(([k, v]) => (
              <div key={k}>
                <dt className="font-medium text-slate-600">{k}</dt>
                <dd className="break-all">{show(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      </Section>

      <Section title="Consent proof" testId="consent">
        {consent ? (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-600">Agreed at</dt>
              <dd>{formatInstant(consent.consentedAt, tz, 'dayTimeSeconds')}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">Wording version</dt>
              {/* The version of the wording in the language the customer was read (proofs before languages: English). */}
              <dd data-testid="consent-wording-version">
                {consent.wordingVersion} · <span lang={consent.language ?? 'en'}>{LOCALE_NAMES[consent.language ?? 'en']}</span>
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">Captured by</dt>
              <dd>
                {consent.hostess.name} · {consent.store.locationName ?? consent.store.locationId ?? '—'}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">Device</dt>
              <dd>{consent.device.id ?? '—'}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="font-medium text-slate-600">Agreements</dt>
              <dd>
                Terms {show(consent.agreements.terms)}, privacy {show(consent.agreements.privacy)}, adult {show(consent.agreements.adult)}, targeted messages{' '}
                {show(consent.agreements.targetedMessages)}; marketing:{' '}
                {Object.entries(consent.agreements.marketing)
                  .filter(([, v]) => v)
                  .map(([k]) => k)
                  .join(', ') || 'none'}
              </dd>
            </div>
          </dl>
        ) : (
          <p>No consent proof recorded in Storedesk for this lead.</p>
        )}
      </Section>

      <Section title="Status history">
        <ol className="flex flex-col gap-1" data-testid="status-history">
          {detail.history.map((h) => (
            <li key={h.id}>
              {formatInstant(h.at, tz, 'dayTimeSeconds')}: {h.from ? `${STATUS_LABELS[h.from as LeadStatus] ?? h.from} → ` : ''}
              <strong>{STATUS_LABELS[h.to as LeadStatus] ?? h.to}</strong>
              {h.source === 'console' ? ` by ${h.actorName ?? 'staff'}` : h.source === 'capture' ? ' (captured in the store)' : ' (seen in Footprints)'}
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Documents">
        {detail.documents.length ? (
          <ul className="mb-3 flex flex-col gap-1" data-testid="documents">
            {detail.documents.map((d) => (
              <li key={d.id}>
                {DOCUMENT_KIND_LABELS[d.type as DocumentKind] ?? d.type}: <strong>{d.fileName}</strong> ({Math.max(1, Math.round(d.sizeBytes / 1024))} KB) ·{' '}
                {formatInstant(d.uploadedAt, tz, 'dayTimeSeconds')} by {d.actorName}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-3 text-slate-700">No documents uploaded through Storedesk yet (Footprints has no call that lists them).</p>
        )}
        <DocumentUpload leadId={record.id} />
      </Section>

      <Section title="Action timeline">
        <ActionTimeline leadId={record.id} entries={timeline.entries} types={timeline.types} timeZone={tz} error={timelineError} />
      </Section>

      <Section title="NPS">
        <ol className="mb-3 flex flex-col gap-1" data-testid="nps-entries">
          {detail.nps.length === 0 ? <li className="text-slate-700">No NPS recorded.</li> : null}
          {detail.nps.map((n) => (
            <li key={n.id}>
              {formatInstant(n.at, tz, 'dayTimeSeconds')}: <strong>{n.score}</strong>
              {n.comment ? ` · “${n.comment}”` : ''}
              {n.source === 'console' ? ` (by ${n.actorName ?? 'staff'})` : ' (from Footprints)'}
            </li>
          ))}
        </ol>
        <NpsForm leadId={record.id} />
      </Section>

      <Section title="Sync queue">
        {detail.jobs.length ? (
          <ul className="flex flex-col gap-1" data-testid="lead-jobs">
            {detail.jobs.map((j) => (
              <li key={j.id}>
                {j.kind}: <strong>{j.status}</strong> after {j.attempts} attempt{j.attempts === 1 ? '' : 's'} · {formatInstant(j.updatedAt, tz, 'dayTimeSeconds')}
                {j.lastError ? ` · last error: ${j.lastError}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">No queued work for this lead.</p>
        )}
      </Section>
    </div>
  );
}
