import { describe, expect, it } from 'vitest';
import type { CaptureCatalogues } from '@/lib/capture/catalogues';
import { CATALOGUES_KEY, keepCatalogues, offlineCatalogues, readKeptCatalogues, type KeptCatalogues } from './device-catalogues';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}
const cats = (label: string, unavailable: CaptureCatalogues['unavailable'] = []): CaptureCatalogues => ({
  locations: [{ id: 'L1', label }],
  offerCategories: [],
  offers: [],
  offlineCampaigns: [],
  channels: [],
  consultants: [],
  unavailable,
});
const kept = (at: string, label: string, subject = 'hostess:a', unavailable: CaptureCatalogues['unavailable'] = []): KeptCatalogues => ({ at, subject, catalogues: cats(label, unavailable) });

describe('catalogues kept on the tablet', () => {
  it('keeps a full online load and reads it back for the same hostess only', () => {
    const s = memoryStorage();
    expect(keepCatalogues(s, kept('2026-12-04T09:00:00Z', 'Store A'))).toBe(true);
    expect(readKeptCatalogues(s, 'hostess:a')?.catalogues.locations[0].label).toBe('Store A');
    expect(readKeptCatalogues(s, 'hostess:b')).toBeNull();
  });

  it('does not replace a full copy with a load in which a catalogue failed', () => {
    const s = memoryStorage();
    keepCatalogues(s, kept('2026-12-04T09:00:00Z', 'Store A'));
    expect(keepCatalogues(s, kept('2026-12-04T10:00:00Z', 'Partial', 'hostess:a', ['offers']))).toBe(false);
    expect(readKeptCatalogues(s, 'hostess:a')?.at).toBe('2026-12-04T09:00:00Z');
  });

  it('reads nothing from a damaged entry', () => {
    const s = memoryStorage();
    s.m.set(CATALOGUES_KEY, '{not json');
    expect(readKeptCatalogues(s, 'hostess:a')).toBeNull();
    s.m.set(CATALOGUES_KEY, JSON.stringify({ at: 'x', subject: 'hostess:a' }));
    expect(readKeptCatalogues(s, 'hostess:a')).toBeNull();
  });

  it('offline: the newer of the page copy and the kept copy; an older full copy beats a partial page', () => {
    const page = kept('2026-12-04T09:00:00Z', 'Page');
    expect(offlineCatalogues(page, null)).toBe(page);
    expect(offlineCatalogues(page, kept('2026-12-04T10:00:00Z', 'Newer')).catalogues.locations[0].label).toBe('Newer');
    expect(offlineCatalogues(page, kept('2026-12-04T08:00:00Z', 'Older'))).toBe(page);
    const partial = kept('2026-12-04T09:00:00Z', 'Partial', 'hostess:a', ['offers']);
    expect(offlineCatalogues(partial, kept('2026-12-04T08:00:00Z', 'Full')).catalogues.locations[0].label).toBe('Full');
  });
});
