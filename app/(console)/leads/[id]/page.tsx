import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
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
import { formatLei, formatNumber } from '@/lib/i18n/format';
import { isLocale, LOCALE_NAMES } from '@/lib/i18n/locales';
import { DOCUMENT_KINDS } from '@/lib/leads/pdf';
import { LEAD_STATUSES, LOST_REASONS, type LeadStatus } from '@/lib/leads/status-rules';
import { consentProofOf } from '@/lib/capture/queries';
import { leadPage } from '@/lib/leads/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('lead') };
}
export const dynamic = 'force-dynamic';

const SHOWN_ELSEWHERE = new Set(['_id', 'offer', 'sku', 'consultant', 'tags', 'marketingChannels', 'customDetails', 'status']);

function Section({ name, title, children, testId }: { name: string; title: string; children: React.ReactNode; testId?: string }) {
  const id = `section-${name}`;
  return (
    <section aria-labelledby={id} className="rounded-2xl bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 id={id} className="mb-3 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function show(value: unknown, yesNo: (v: boolean) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export default async function LeadDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePagePermission('leads.view');
  const { id } = await params;
  const { move } = await searchParams;
  const openWith = typeof move === 'string' && (LEAD_STATUSES as readonly string[]).includes(move) ? (move as LeadStatus) : null;
  const tz = getConfig().storeTimezone;
  const t = await getTranslations('leadDetail');
  const tl = await getTranslations('leads');
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : 'en';
  const at = (value: string | Date | null) => formatInstant(value, tz, 'dayTimeSeconds', '—', locale);
  const yesNo = (v: boolean) => (v ? t('yes') : t('no'));
  const shown = (value: unknown) => show(value, yesNo);
  const statusLabel = (s: string) => ((LEAD_STATUSES as readonly string[]).includes(s) ? tl(`statuses.${s}`) : s);
  const lostReasonLabel = (r: string) => ((LOST_REASONS as readonly string[]).includes(r) ? tl(`lostReasons.${r}`) : r);
  const documentKind = (k: string) => ((DOCUMENT_KINDS as readonly string[]).includes(k) ? t(`documents.kinds.${k}`) : k);
  // A contract's calendar day ("2026-05-04") in the reader's words; midday UTC is that day in any European zone.
  const day = (ymd: string | null) => (ymd && /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? formatInstant(`${ymd}T12:00:00Z`, tz, 'day', '—', locale) : (ymd ?? '—'));
  const lei = (value: string | null) => (value !== null && value.trim() !== '' && Number.isFinite(Number(value)) ? formatLei(Number(value), locale) : (value ?? '—'));
  const detail = await leadPage(session, id);
  if (!detail) notFound();
  const { record, summary, options } = detail;
  const consent = await consentProofOf(id);

  const timeline: { entries: TimelineEntryView[]; types: { id: string; name: string }[] } = detail.timeline ?? { entries: [], types: [] };
  const timelineError = detail.timeline ? null : t('timelineError');
  const { completion } = detail;
  const completionError = summary.missing.length && !completion ? t('completionError') : null;
  const nameIn = (list: { id: string; name: string }[], value: string | null) => (value ? (list.find((o) => o.id === value)?.name ?? value) : '—');
  const raw = record.raw as Record<string, unknown>;
  const otherFields = Object.entries(raw).filter(([k, v]) => !SHOWN_ELSEWHERE.has(k) && (typeof v !== 'object' || v === null));

  return (
    <div className="flex flex-col gap-4">
      <div className="rounded-2xl bg-white p-4 shadow-sm">
        <Link href="/leads" className="text-sm text-blue-800 hover:underline">
          {t('back')}
        </Link>
        {/* A long name wraps inside the heading (never past it). */}
        <h1 className="mt-1 text-2xl font-bold [overflow-wrap:anywhere]" data-testid="lead-name">
          {summary.name}
        </h1>
        <p className="mt-1 text-base" data-testid="lead-status">
          {t.rich('status', { status: statusLabel(record.status), created: at(record.vendorCreatedAt), strong: (chunks) => <strong>{chunks}</strong> })}
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

      <Section name="details" title={t('sections.details')}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          {[
            [t('fields.email'), record.email],
            [t('fields.phone'), record.phone],
            [t('fields.category'), record.offerCategoryName],
            [t('fields.offer'), record.offerName ? (record.offerPrice !== null ? t('offerWithPrice', { offer: record.offerName, price: formatLei(record.offerPrice, locale) }) : record.offerName) : null],
            [t('fields.sku'), record.skuName ? `${record.skuName}${record.skuExternalId ? ` · ${record.skuExternalId}` : ''}` : record.skuExternalId],
            [t('fields.channel'), nameIn(options.channels, record.channelId)],
            [t('fields.location'), nameIn(options.locations, record.locationId)],
            [t('fields.consultant'), record.consultantName],
            [t('fields.tags'), record.tags.length ? record.tags.join(', ') : null],
            [t('fields.contract'), record.contractNumber ? [record.contractNumber, lei(record.contractValue), day(record.contractDate)].join(' · ') : null],
            [t('fields.contractDescription'), record.contractDescription],
            [t('fields.lostReason'), record.reasonLost ? lostReasonLabel(record.reasonLost) : null],
            [t('fields.lostComment'), record.lostComment],
            [t('fields.updated'), record.vendorUpdatedAt ? at(record.vendorUpdatedAt) : null],
          ].map(([label, value]) => (
            <div key={label as string}>
              <dt className="text-sm font-medium text-slate-600">{label}</dt>
              <dd>{shown(value)}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium">{t('everyField')}</summary>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {otherFields.map(([k, v]) => (
              <div key={k}>
                <dt className="font-medium text-slate-600">{k}</dt>
                <dd className="break-all">{shown(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      </Section>

      <Section name="consent-proof" title={t('sections.consent')} testId="consent">
        {consent ? (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-600">{t('consent.at')}</dt>
              <dd>{at(consent.consentedAt)}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">{t('consent.version')}</dt>
              {/* The version of the wording in the language the customer was read (proofs before languages: English). */}
              <dd data-testid="consent-wording-version">
                {consent.wordingVersion} · <span lang={consent.language ?? 'en'}>{LOCALE_NAMES[consent.language ?? 'en']}</span>
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">{t('consent.by')}</dt>
              <dd>
                {consent.hostess.name} · {consent.store.locationName ?? consent.store.locationId ?? '—'}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">{t('consent.device')}</dt>
              <dd>{consent.device.id ?? '—'}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="font-medium text-slate-600">{t('consent.agreements')}</dt>
              <dd>
                {t('consent.summary', {
                  terms: shown(consent.agreements.terms),
                  privacy: shown(consent.agreements.privacy),
                  adult: shown(consent.agreements.adult),
                  targeted: shown(consent.agreements.targetedMessages),
                  marketing:
                    Object.entries(consent.agreements.marketing)
                      .filter(([, v]) => v)
                      .map(([k]) => k)
                      .join(', ') || t('consent.none'),
                })}
              </dd>
            </div>
          </dl>
        ) : (
          <p>{t('consent.missing')}</p>
        )}
      </Section>

      <Section name="status-history" title={t('sections.history')}>
        <ol className="flex flex-col gap-1" data-testid="status-history">
          {detail.history.map((h) => (
            <li key={h.id}>
              {t.rich(h.source === 'console' ? 'history.console' : h.source === 'capture' ? 'history.capture' : 'history.vendor', {
                when: at(h.at),
                from: h.from ? statusLabel(h.from) : 'none',
                to: statusLabel(h.to),
                who: h.actorName ?? t('history.staff'),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </li>
          ))}
        </ol>
      </Section>

      <Section name="documents" title={t('sections.documents')}>
        {detail.documents.length ? (
          <ul className="mb-3 flex flex-col gap-1" data-testid="documents">
            {detail.documents.map((d) => (
              <li key={d.id}>
                {t.rich('documents.item', {
                  kind: documentKind(d.type),
                  file: d.fileName,
                  size: formatNumber(Math.max(1, Math.round(d.sizeBytes / 1024)), locale),
                  when: at(d.uploadedAt),
                  who: d.actorName,
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-3 text-slate-700">{t('documents.none')}</p>
        )}
        <DocumentUpload leadId={record.id} />
      </Section>

      <Section name="action-timeline" title={t('sections.timeline')}>
        <ActionTimeline leadId={record.id} entries={timeline.entries} types={timeline.types} timeZone={tz} error={timelineError} />
      </Section>

      <Section name="nps" title={t('sections.nps')}>
        <ol className="mb-3 flex flex-col gap-1" data-testid="nps-entries">
          {detail.nps.length === 0 ? <li className="text-slate-700">{t('nps.none')}</li> : null}
          {detail.nps.map((n) => (
            <li key={n.id}>
              {t.rich('nps.item', {
                when: at(n.at),
                score: formatNumber(n.score, locale),
                hasComment: n.comment ? 'yes' : 'no',
                comment: n.comment ?? '',
                source: n.source === 'console' ? 'console' : 'footprints',
                who: n.actorName ?? t('history.staff'),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </li>
          ))}
        </ol>
        <NpsForm leadId={record.id} />
      </Section>

      <Section name="sync-queue" title={t('sections.jobs')}>
        {detail.jobs.length ? (
          <ul className="flex flex-col gap-1" data-testid="lead-jobs">
            {detail.jobs.map((j) => (
              <li key={j.id}>
                {t.rich('jobs.item', {
                  kind: j.kind,
                  status: j.status,
                  attempts: j.attempts,
                  when: at(j.updatedAt),
                  hasError: j.lastError ? 'yes' : 'no',
                  error: j.lastError ?? '',
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">{t('jobs.none')}</p>
        )}
      </Section>
    </div>
  );
}
