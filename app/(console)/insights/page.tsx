import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InsightsCard, TableWithCsv } from '@/components/insights/card';
import { Chart } from '@/components/insights/chart';
import { InsightsFilterBar } from '@/components/insights/filter-bar';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { BREAKDOWN_DIMENSIONS } from '@/lib/insights/breakdowns';
import { insightsFiltersFromParams } from '@/lib/insights/filters';
import { funnelConversions } from '@/lib/insights/funnel';
import { insightsPage } from '@/lib/insights/queries';
import { BREAKDOWN_LABELS, cardTables, LOST_REASON_NAMES, percent } from '@/lib/insights/tables';
import { STATUS_LABELS } from '@/lib/leads/status-rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('insights') };
}
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

function change(now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  const d = now - before;
  return d === 0 ? 'no change' : `${d > 0 ? '+' : '−'}${Math.abs(Math.round(d * 10) / 10)}`;
}

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requirePagePermission('insights.view');
  const timeZone = getConfig().storeTimezone;
  const filters = insightsFiltersFromParams(await searchParams, new Date(), timeZone);
  const { insights: i, options, loadError } = await insightsPage(session, filters, timeZone);
  const tables = cardTables(i);
  const inOrder = funnelConversions(i.funnel, 'inOrder');
  const anyPoint = funnelConversions(i.funnel, 'anyPoint');
  const prevOverall = funnelConversions(i.previousFunnel, 'anyPoint').overall;
  const kpis = [
    { label: 'Leads captured', now: i.funnel.captured, before: i.previousFunnel.captured, text: String(i.funnel.captured) },
    { label: 'Customers', now: i.funnel.anyPoint.customer, before: i.previousFunnel.anyPoint.customer, text: String(i.funnel.anyPoint.customer) },
    { label: 'Conversion', now: anyPoint.overall === null ? null : anyPoint.overall * 100, before: prevOverall === null ? null : prevOverall * 100, text: percent(anyPoint.overall) },
    { label: 'Lost', now: i.lostReasons.total, before: i.previousLostTotal, text: String(i.lostReasons.total) },
    { label: 'Captures', now: i.captures.total, before: i.previousCaptures, text: String(i.captures.total) },
    { label: 'NPS', now: i.nps.score, before: i.previousNpsScore, text: i.nps.score === null ? '—' : String(i.nps.score) },
  ];
  return (
    <div className="flex flex-col gap-4">
      <div className="rounded-2xl bg-white p-4 shadow-sm">
        <h1 id="page-title" className="text-2xl font-bold">
          Insights
        </h1>
        <p className="mt-1 text-base text-slate-700">
          Leads captured from {i.period.from} to {i.period.to}, compared with {i.previousPeriod.from} to {i.previousPeriod.to}.
        </p>
        {loadError ? (
          <p role="status" className="mt-2 text-base text-amber-800">
            {loadError}
          </p>
        ) : null}
      </div>
      <InsightsFilterBar
        filters={filters}
        options={{ location: options.locations, category: options.categories, offer: options.offers, consultant: options.consultants, channel: options.channels }}
      />
      <section aria-label="Headline figures" className="grid grid-cols-2 gap-3 md:grid-cols-6">
        {kpis.map((k) => (
          <div key={k.label} className="rounded-2xl bg-white p-3 shadow-sm">
            <p className="text-sm text-slate-700">{k.label}</p>
            <p className="text-2xl font-bold tabular-nums">{k.text}</p>
            <p className="text-sm text-slate-700">{change(k.now, k.before) ? `${change(k.now, k.before)} vs previous period` : 'no previous figure'}</p>
          </div>
        ))}
      </section>

      <InsightsCard
        id="funnel"
        title="Funnel"
        description="How far the leads captured in the period got by its end. In order: through every step without skipping one (steps before a lead's first status count as passed). At any point: the status appears in its history."
      >
        <Chart
          title="Leads reaching each step"
          xLabel="Step"
          yLabel="Leads"
          series={[
            { key: 'inOrder', name: 'Reached in order' },
            { key: 'anyPoint', name: 'Reached at any point' },
          ]}
          data={[
            { label: 'Captured', inOrder: i.funnel.captured, anyPoint: i.funnel.captured },
            ...inOrder.steps.map((s, k) => ({ label: STATUS_LABELS[s.step], inOrder: s.count, anyPoint: anyPoint.steps[k].count })),
          ]}
        />
        <TableWithCsv table={tables.funnel} filters={filters} />
      </InsightsCard>

      <InsightsCard id="lost-reasons" title="Lost reasons" description="Leads captured in the period that are lost, by the reason recorded, and the status each was in when lost.">
        <Chart
          title="Lost leads by reason"
          xLabel="Reason"
          yLabel="Lost leads"
          layout="rows"
          series={[{ key: 'count', name: 'Lost leads' }]}
          data={i.lostReasons.rows.map((r) => ({ label: LOST_REASON_NAMES[r.reason], count: r.count }))}
        />
        <TableWithCsv table={tables['lost-reasons']} filters={filters} />
      </InsightsCard>

      <InsightsCard id="time-in-stage" title="Time in stage" description="Days the leads captured in the period spent in each status before moving on (from the status history).">
        <Chart
          title="Days in each status"
          xLabel="Status"
          yLabel="Days"
          series={[
            { key: 'median', name: 'Median', decimals: true },
            { key: 'p90', name: '90th percentile', decimals: true },
          ]}
          data={i.timeInStage.map((s) => ({
            label: STATUS_LABELS[s.status],
            median: s.medianDays === null ? null : Math.round(s.medianDays * 10) / 10,
            p90: s.p90Days === null ? null : Math.round(s.p90Days * 10) / 10,
          }))}
        />
        <TableWithCsv table={tables['time-in-stage']} filters={filters} />
        <h3 className="text-lg font-semibold">Leads to act on</h3>
        <p className="text-sm text-slate-700">Leads (any capture date, same filters) in their status longer than its 90th percentile; the 50 oldest are listed.</p>
        <TableWithCsv table={tables['stale-leads']} filters={filters} />
      </InsightsCard>

      <InsightsCard id="breakdowns" title="Breakdowns" description="Leads captured in the period, customers among them by its end, conversion, contract value and average days from capture to customer.">
        <Chart
          title="Leads and customers per store"
          xLabel="Store"
          yLabel="Leads"
          series={[
            { key: 'leads', name: 'Leads' },
            { key: 'customers', name: 'Customers' },
          ]}
          data={i.breakdowns.location.map((r) => ({ label: r.name, leads: r.leads, customers: r.customers }))}
        />
        {BREAKDOWN_DIMENSIONS.map((dim) => (
          <details key={dim} open={dim === 'location'} className="rounded-lg border border-slate-200 p-2">
            <summary className="min-h-11 cursor-pointer py-2 text-base font-semibold">Per {BREAKDOWN_LABELS[dim].toLowerCase()}</summary>
            <TableWithCsv table={tables[`breakdown-${dim}`]} filters={filters} />
          </details>
        ))}
      </InsightsCard>

      <InsightsCard id="captures" title="Capture activity" description="Leads captured on the console's tablets in the period (store filter only), the consent given, and the NPS of the leads scored in the period.">
        <Chart title="Captures per day" xLabel="Day" yLabel="Captures" series={[{ key: 'captures', name: 'Captures' }]} data={i.captures.perDay.map((d) => ({ label: d.day, captures: d.captures }))} />
        <TableWithCsv table={tables['captures-per-day']} filters={filters} />
        <TableWithCsv table={tables['captures-per-hostess']} filters={filters} />
        <TableWithCsv table={tables.consent} filters={filters} />
        <Chart
          title="NPS: leads per score"
          xLabel="Score (0–10)"
          yLabel="Leads"
          series={[{ key: 'leads', name: 'Leads' }]}
          data={i.nps.distribution.map((d) => ({ label: String(d.score), leads: d.leads }))}
        />
        <TableWithCsv table={tables.nps} filters={filters} />
      </InsightsCard>

      <InsightsCard id="loyalty" title="Loyalty" description="Codes redeemed and blocked through the console in the period, from its audit trail (store filter only).">
        <Chart
          title="Redemptions and blocks per day"
          xLabel="Day"
          yLabel="Codes"
          series={[
            { key: 'redemptions', name: 'Redemptions' },
            { key: 'blocks', name: 'Blocks' },
          ]}
          data={Object.values(
            i.loyalty.rows.reduce<Record<string, { label: string; redemptions: number; blocks: number }>>((acc, r) => {
              const day = (acc[r.day] ??= { label: r.day, redemptions: 0, blocks: 0 });
              day.redemptions += r.redemptions;
              day.blocks += r.blocks;
              return acc;
            }, {}),
          )}
        />
        <TableWithCsv table={tables.loyalty} filters={filters} />
      </InsightsCard>
    </div>
  );
}
