import type { LeadSummary, PipelineResult } from '@/lib/leads/read-model';
import type { SyncStatus } from '@/lib/leads/queries';
import type { LeadStatus } from '@/lib/leads/status-labels';

export type PipelineData = PipelineResult & { sync: SyncStatus };

/** Moves a card to another column in the cached pipeline (the optimistic move). */
export function withMoved(data: PipelineData, lead: LeadSummary, to: LeadStatus): PipelineData {
  const moved = { ...lead, status: to };
  return {
    ...data,
    columns: data.columns.map((c) => {
      const without = c.cards.filter((x) => x.id !== lead.id);
      const had = without.length !== c.cards.length;
      if (c.status === to) return { ...c, cards: [moved, ...without], count: c.count + (had ? 0 : 1), offerValue: c.offerValue + (had ? 0 : (lead.offerPrice ?? 0)) };
      if (had) return { ...c, cards: without, count: c.count - 1, offerValue: c.offerValue - (lead.offerPrice ?? 0) };
      return c;
    }),
    rows: data.rows.map((r) => (r.id === lead.id ? moved : r)),
  };
}
