// @vitest-environment happy-dom
/**
 * "Refresh from Footprints" says "Synced" only once the board shows the synced rows. A card that changes
 * column on that refetch is a new card (React keys hold within one column): a manager's choice in its old
 * "Move … to" menu made between the message and the refetch was silently dropped (the e2e leads-lost journey
 * failed so under load).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NextIntlClientProvider } from 'next-intl';
import { ToastProvider } from '@/components/ui/toast';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';
import { bulkReportText } from './use-lead-moves';
import { createTranslator } from 'next-intl';
import { filtersFromParams } from '@/lib/leads/filters';
import type { LeadSummary } from '@/lib/leads/read-model';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/leads/status-rules';
import { cleanup, click, must, render } from '@/lib/testing/render';
import type { PipelineData } from './pipeline-cache';

const actions = vi.hoisted(() => ({
  queryPipelineAction: vi.fn(),
  refreshLeadsAction: vi.fn(),
  moveLeadAction: vi.fn(),
  bulkMoveLeadsAction: vi.fn(),
}));
vi.mock('@/app/(console)/leads/actions', () => actions);
const url = vi.hoisted(() => ({ search: '' }));
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/leads',
  useSearchParams: () => new URLSearchParams(url.search),
}));

const { Pipeline } = await import('./pipeline');

afterEach(cleanup);

const ZONE = 'Europe/Bucharest';
const ana = (status: LeadStatus): LeadSummary => ({
  id: 'b2000000000000000000d001',
  status,
  name: 'Ana Popescu',
  email: null,
  phone: null,
  offerName: 'Induction hob',
  offerPrice: 1899,
  categoryName: null,
  consultantName: null,
  locationId: null,
  channelId: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  hasContract: false,
  missing: [],
});
const dataWithAnaIn = (status: LeadStatus): PipelineData => ({
  columns: LEAD_STATUSES.map((s) => ({ status: s, count: s === status ? 1 : 0, offerValue: s === status ? 1899 : 0, cards: s === status ? [ana(s)] : [] })),
  rows: [ana(status)],
  total: 1,
  page: 1,
  pageSize: 50,
  sync: { lastSuccessAt: null, lastStartedAt: null, lastError: null, leadCount: null },
});

/** A promise and the function that settles it. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const flush = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});
const columnOfAna = (root: HTMLElement) => must(root, '[data-lead-id="b2000000000000000000d001"]').closest('[data-testid^="column-"]')?.getAttribute('data-testid');

describe('Pipeline: Refresh from Footprints', () => {
  it('says "Synced" only after the board shows the synced data, and stays pending until then', async () => {
    const refetch = deferred<{ ok: true; data: PipelineData }>();
    actions.refreshLeadsAction.mockResolvedValue({ ok: true, data: { leads: 7 } });
    actions.queryPipelineAction.mockReturnValue(refetch.promise);
    const filters = filtersFromParams(new URLSearchParams(''), new Date(), ZONE);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { container } = render(
      <NextIntlClientProvider locale="en" messages={en} timeZone={ZONE}>
        <QueryClientProvider client={client}>
          <ToastProvider>
            <Pipeline initialFilters={filters} initialData={dataWithAnaIn('opportunity')} options={{ locations: [], categories: [], offers: [], consultants: [], channels: [] } as never} timeZone={ZONE} loadError={null} />
          </ToastProvider>
        </QueryClientProvider>
      </NextIntlClientProvider>,
    );
    expect(columnOfAna(container)).toBe('column-opportunity');

    const button = [...container.querySelectorAll('button')].find((b) => b.textContent?.includes('Refresh from Footprints'));
    if (!button) throw new Error('no Refresh from Footprints button');
    click(button);
    await flush();
    // The sync answered, the board's refetch has not: no "Synced" yet, and the button still says it is working.
    expect(actions.refreshLeadsAction).toHaveBeenCalledTimes(1);
    expect(actions.queryPipelineAction).toHaveBeenCalled();
    expect(container.ownerDocument.body.textContent).not.toContain('Synced 7 leads');
    expect(container.ownerDocument.body.textContent).toContain('Syncing…');

    await act(async () => {
      refetch.resolve({ ok: true, data: dataWithAnaIn('lead') });
      await refetch.promise;
    });
    await flush();
    expect(columnOfAna(container)).toBe('column-lead');
    expect(container.ownerDocument.body.textContent).toContain('Synced 7 leads from Footprints.');
    expect(container.ownerDocument.body.textContent).not.toContain('Syncing…');
  });
});

let renders = 0;

/** The pipeline under the root provider in a language, with the board or the table. */
function renderPipeline(locale: 'en' | 'ro', data: PipelineData, view: 'board' | 'table' = 'board') {
  // A query of its own per render: the pipeline's query client is the page's one (module-wide), and a cached
  // answer of an earlier render would win over this one's initial data.
  url.search = `q=render${++renders}${view === 'table' ? '&view=table' : ''}`;
  actions.queryPipelineAction.mockResolvedValue({ ok: true, data });
  const filters = filtersFromParams(new URLSearchParams(url.search), new Date(), ZONE);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === 'ro' ? ro : en} timeZone={ZONE}>
      <QueryClientProvider client={client}>
        <ToastProvider>
          <Pipeline initialFilters={filters} initialData={data} options={{ locations: [], categories: [], offers: [], consultants: [], channels: [] } as never} timeZone={ZONE} loadError={null} />
        </ToastProvider>
      </QueryClientProvider>
    </NextIntlClientProvider>,
  );
}

const withOffer = (price: number, leads: number): PipelineData => {
  const d = dataWithAnaIn('opportunity');
  const card = { ...ana('opportunity'), offerPrice: price };
  return { ...d, total: leads, rows: [card], columns: d.columns.map((c) => (c.status === 'opportunity' ? { ...c, offerValue: price, cards: [card] } : c)) };
};

describe('Pipeline in Romanian and English (issue 16)', () => {
  it.each([
    [1, 'S-a sincronizat 1 lead din Footprints.', 'Synced 1 lead from Footprints.'],
    [3, 'S-au sincronizat 3 lead-uri din Footprints.', 'Synced 3 leads from Footprints.'],
    [20, 'S-au sincronizat 20 de lead-uri din Footprints.', 'Synced 20 leads from Footprints.'],
    // CLDR: 101 is "few" in Romanian (n % 100 in 1..19), 120 is "other".
    [101, 'S-au sincronizat 101 lead-uri din Footprints.', 'Synced 101 leads from Footprints.'],
    [120, 'S-au sincronizat 120 de lead-uri din Footprints.', 'Synced 120 leads from Footprints.'],
  ])('says "Synced %i leads" as a plural of each language', async (count, inRomanian, inEnglish) => {
    for (const [locale, text] of [['ro', inRomanian], ['en', inEnglish]] as const) {
      actions.refreshLeadsAction.mockResolvedValue({ ok: true, data: { leads: count } });
      const { container } = renderPipeline(locale, dataWithAnaIn('opportunity'));
      const label = locale === 'ro' ? 'Actualizează din Footprints' : 'Refresh from Footprints';
      const button = [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(label));
      if (!button) throw new Error(`no ${label} button`);
      click(button);
      await flush();
      await flush();
      expect(container.ownerDocument.body.textContent).toContain(text);
      cleanup();
    }
  });

  it('writes lei, counts and the sync time as each language does on the board', () => {
    const data = { ...withOffer(12500, 1234), sync: { lastSuccessAt: '2026-11-20T10:00:05.000Z', lastStartedAt: null, lastError: 'retryable' as const, leadCount: null } };
    const ro_ = renderPipeline('ro', data);
    const column = must(ro_.container, '[data-testid="column-opportunity"]');
    expect(must(column, '[data-testid="column-value"]').textContent).toBe('Valoarea ofertelor: 12.500\u00a0lei');
    expect(must(column, '[data-testid="lead-card"]').textContent).toContain('Induction hob · 12.500\u00a0lei');
    expect(must(column, 'h2').textContent).toBe('Oportunitate 1');
    expect(must(ro_.container, '[data-testid="pipeline-total"]').textContent).toBe('1.234 de lead-uri');
    // In the store's zone (Bucharest, UTC+2 in November), with Romanian month names; the failure in Romanian.
    expect(must(ro_.container, '[data-testid="sync-status"]').textContent).toBe(
      `Ultima sincronizare cu Footprints: 20 nov. 2026, 12:00:05 · ${ro.leads.syncFailed.retryable}`,
    );
    cleanup();
    const en_ = renderPipeline('en', data);
    expect(must(en_.container, '[data-testid="column-opportunity"] [data-testid="column-value"]').textContent).toBe('Offer value RON\u00a012,500');
    expect(must(en_.container, '[data-testid="pipeline-total"]').textContent).toBe('1,234 leads');
    expect(must(en_.container, '[data-testid="sync-status"]').textContent).toBe(`Last synced with Footprints 20 Nov 2026, 12:00:05 · ${en.leads.syncFailed.retryable}`);
  });

  it('writes the table in Romanian: headers, the sort in words, statuses, lei and dates', () => {
    const { container } = renderPipeline('ro', withOffer(1899.5, 1), 'table');
    expect(must(container, '[data-testid="sort-caption"]').textContent).toBe('Lead-uri sortate după data creării, cele mai noi întâi');
    const row = must(container, 'tr[data-lead-id]');
    expect(must(row, '[data-testid="row-status"]').textContent).toBe('Oportunitate');
    expect(row.textContent).toContain('1.899,50\u00a0lei');
    expect(row.textContent).toContain('20 nov. 2026, 12:00:00');
    expect(must(container, '[data-testid="page-of"]').textContent).toBe('Pagina 1 din 1');
  });

  it('reports a bulk move with each language\'s plurals', () => {
    const report = { to: 'sale_lead' as const, moved: 21, already: 2, refused: [{ id: 'x', name: 'Ana', message: 'Needs a contract.' }], failed: [] };
    const ro_ = createTranslator({ locale: 'ro', messages: ro, namespace: 'leads' }) as unknown as Parameters<typeof bulkReportText>[0];
    const en_ = createTranslator({ locale: 'en', messages: en, namespace: 'leads' }) as unknown as Parameters<typeof bulkReportText>[0];
    expect(bulkReportText(ro_, report)).toBe('21 de mutate în Lead de vânzare. 2 erau deja în Lead de vânzare. 1 nemutat: Needs a contract.');
    expect(bulkReportText(en_, report)).toBe('21 moved to Sale lead. 2 already in Sale lead. 1 not moved: Needs a contract.');
  });
});
