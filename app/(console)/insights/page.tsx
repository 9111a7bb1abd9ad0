import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { InsightsCard, TableWithCsv } from '@/components/insights/card';
import { Chart } from '@/components/insights/chart';
import { InsightsFilterBar } from '@/components/insights/filter-bar';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { BREAKDOWN_DIMENSIONS } from '@/lib/insights/breakdowns';
import { insightsFiltersFromParams } from '@/lib/insights/filters';
import { funnelConversions } from '@/lib/insights/funnel';
import { insightsPage } from '@/lib/insights/queries';
import { formatInstant } from '@/lib/dates';
import { formatNumber } from '@/lib/i18n/format';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { cardTables, localTableWords, type Words } from '@/lib/insights/tables';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('insights') };
}
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

/** "+3", "−1.5" (in the language's digits); null without both figures, "" for no change. */
function change(now: number | null, before: number | null, locale: Locale): string | null {
  if (now === null || before === null) return null;
  const d = now - before;
  return d === 0 ? '' : `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(Math.round(d * 10) / 10), locale, 1)}`;
}

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requirePagePermission('insights.view');
  const timeZone = getConfig().storeTimezone;
  const filters = insightsFiltersFromParams(await searchParams, new Date(), timeZone);
  const { insights: i, options, loadError } = await insightsPage(session, filters, timeZone);
  const t = await getTranslations('insights');
  const tl = await getTranslations('leads');
  const requested = await getLocale();
  const locale: Locale = isLocale(requested) ? requested : 'en';
  const words = localTableWords(t as unknown as Words, tl as unknown as Words, locale, timeZone);
  const tables = cardTables(i, words, (d) => t(`table.dimensionsLower.${d}`));
  const status = (s: string) => tl(`statuses.${s}`);
  const inOrder = funnelConversions(i.funnel, 'inOrder');
  const anyPoint = funnelConversions(i.funnel, 'anyPoint');
  const prevOverall = funnelConversions(i.previousFunnel, 'anyPoint').overall;
  const kpis = [
    { key: 'captured', now: i.funnel.captured, before: i.previousFunnel.captured, text: words.integer(i.funnel.captured) },
    { key: 'customers', now: i.funnel.anyPoint.customer, before: i.previousFunnel.anyPoint.customer, text: words.integer(i.funnel.anyPoint.customer) },
    { key: 'conversion', now: anyPoint.overall === null ? null : anyPoint.overall * 100, before: prevOverall === null ? null : prevOverall * 100, text: words.percent(anyPoint.overall) },
    { key: 'lost', now: i.lostReasons.total, before: i.previousLostTotal, text: words.integer(i.lostReasons.total) },
    { key: 'captures', now: i.captures.total, before: i.previousCaptures, text: words.integer(i.captures.total) },
    { key: 'nps', now: i.nps.score, before: i.previousNpsScore, text: i.nps.score === null ? '—' : words.integer(i.nps.score) },
  ];
  const changeText = (now: number | null, before: number | null) => {
    const c = change(now, before, locale);
    return c === null ? t('noPrevious') : c === '' ? t('noChange') : t('change', { change: c });
  };
  const day = (ymd: string) => formatInstant(`${ymd}T12:00:00Z`, timeZone, 'day', ymd, locale);
  return (
    <div className="flex flex-col gap-4">
      <div className="rounded-2xl bg-white p-4 shadow-sm">
        <h1 id="page-title" className="text-2xl font-bold">
          {t('title')}
        </h1>
        <p className="mt-1 text-base text-slate-700">
          {t('intro', { from: day(i.period.from), to: day(i.period.to), prevFrom: day(i.previousPeriod.from), prevTo: day(i.previousPeriod.to) })}
        </p>
        {loadError ? (
          <p role="status" className="mt-2 text-base text-amber-800">
            {tl('loadFailed')}
          </p>
        ) : null}
      </div>
      <InsightsFilterBar
        filters={filters}
        options={{ location: options.locations, category: options.categories, offer: options.offers, consultant: options.consultants, channel: options.channels }}
      />
      <section aria-label={t('headline')} className="grid grid-cols-2 gap-3 md:grid-cols-6">
        {kpis.map((k) => (
          <div key={k.key} className="rounded-2xl bg-white p-3 shadow-sm">
            <p className="text-sm text-slate-700">{t(`kpi.${k.key}`)}</p>
            <p className="text-2xl font-bold tabular-nums">{k.text}</p>
            <p className="text-sm text-slate-700">{changeText(k.now, k.before)}</p>
          </div>
        ))}
      </section>

      <InsightsCard
        id="funnel"
        title={t('cards.funnel.title')}
        description={t('cards.funnel.description')}
      >
        <Chart
          title={t('charts.funnel')}
          xLabel={t('charts.axis.step')}
          yLabel={t('charts.axis.leads')}
          series={[
            { key: 'inOrder', name: t('charts.series.inOrder') },
            { key: 'anyPoint', name: t('charts.series.anyPoint') },
          ]}
          data={[
            { label: t('table.rows.captured'), inOrder: i.funnel.captured, anyPoint: i.funnel.captured },
            ...inOrder.steps.map((s, k) => ({ label: status(s.step), inOrder: s.count, anyPoint: anyPoint.steps[k].count })),
          ]}
        />
        <TableWithCsv table={tables.funnel} filters={filters} />
      </InsightsCard>

      <InsightsCard id="lost-reasons" title={t('cards.lost.title')} description={t('cards.lost.description')}>
        <Chart
          title={t('charts.lost')}
          xLabel={t('charts.axis.reason')}
          yLabel={t('charts.axis.lostLeads')}
          layout="rows"
          series={[{ key: 'count', name: t('charts.series.lostLeads') }]}
          data={i.lostReasons.rows.map((r) => ({ label: words.lostReason(r.reason), count: r.count }))}
        />
        <TableWithCsv table={tables['lost-reasons']} filters={filters} />
      </InsightsCard>

      <InsightsCard id="time-in-stage" title={t('cards.time.title')} description={t('cards.time.description')}>
        <Chart
          title={t('charts.time')}
          xLabel={t('charts.axis.status')}
          yLabel={t('charts.axis.days')}
          series={[
            { key: 'median', name: t('charts.series.median'), decimals: true },
            { key: 'p90', name: t('charts.series.p90'), decimals: true },
          ]}
          data={i.timeInStage.map((s) => ({
            label: status(s.status),
            median: s.medianDays === null ? null : Math.round(s.medianDays * 10) / 10,
            p90: s.p90Days === null ? null : Math.round(s.p90Days * 10) / 10,
          }))}
        />
        <TableWithCsv table={tables['time-in-stage']} filters={filters} />
        <h3 className="text-lg font-semibold">{t('cards.time.actOn')}</h3>
        <p className="text-sm text-slate-700">{t('cards.time.actOnText')}</p>
        <TableWithCsv table={tables['stale-leads']} filters={filters} />
      </InsightsCard>

      <InsightsCard id="breakdowns" title={t('cards.breakdowns.title')} description={t('cards.breakdowns.description')}>
        <Chart
          title={t('charts.stores')}
          xLabel={t('charts.axis.store')}
          yLabel={t('charts.axis.leads')}
          series={[
            { key: 'leads', name: t('charts.series.leads') },
            { key: 'customers', name: t('charts.series.customers') },
          ]}
          data={i.breakdowns.location.map((r) => ({ label: r.name, leads: r.leads, customers: r.customers }))}
        />
        {BREAKDOWN_DIMENSIONS.map((dim) => (
          <details key={dim} open={dim === 'location'} className="rounded-lg border border-slate-200 p-2">
            <summary className="min-h-11 cursor-pointer py-2 text-base font-semibold">{t('cards.breakdowns.per', { dimension: t(`table.dimensionsLower.${dim}`) })}</summary>
            <TableWithCsv table={tables[`breakdown-${dim}`]} filters={filters} />
          </details>
        ))}
      </InsightsCard>

      <InsightsCard id="captures" title={t('cards.captures.title')} description={t('cards.captures.description')}>
        <Chart
          title={t('charts.captures')}
          xLabel={t('charts.axis.day')}
          yLabel={t('charts.axis.captures')}
          series={[{ key: 'captures', name: t('charts.series.captures') }]}
          data={i.captures.perDay.map((d) => ({ label: day(d.day), captures: d.captures }))}
        />
        <TableWithCsv table={tables['captures-per-day']} filters={filters} />
        <TableWithCsv table={tables['captures-per-hostess']} filters={filters} />
        <TableWithCsv table={tables.consent} filters={filters} />
        <Chart
          title={t('charts.nps')}
          xLabel={t('charts.axis.score')}
          yLabel={t('charts.axis.leads')}
          series={[{ key: 'leads', name: t('charts.series.leads') }]}
          data={i.nps.distribution.map((d) => ({ label: String(d.score), leads: d.leads }))}
        />
        <TableWithCsv table={tables.nps} filters={filters} />
      </InsightsCard>

      <InsightsCard id="loyalty" title={t('cards.loyalty.title')} description={t('cards.loyalty.description')}>
        <Chart
          title={t('charts.loyalty')}
          xLabel={t('charts.axis.day')}
          yLabel={t('charts.axis.codes')}
          series={[
            { key: 'redemptions', name: t('charts.series.redemptions') },
            { key: 'blocks', name: t('charts.series.blocks') },
          ]}
          data={Object.values(
            i.loyalty.rows.reduce<Record<string, { label: string; redemptions: number; blocks: number }>>((acc, r) => {
              const entry = (acc[r.day] ??= { label: day(r.day), redemptions: 0, blocks: 0 });
              entry.redemptions += r.redemptions;
              entry.blocks += r.blocks;
              return acc;
            }, {}),
          )}
        />
        <TableWithCsv table={tables.loyalty} filters={filters} />
      </InsightsCard>
    </div>
  );
}
