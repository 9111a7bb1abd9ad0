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
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/leads',
  useSearchParams: () => new URLSearchParams(''),
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
