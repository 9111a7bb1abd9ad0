/**
 * The capture form's catalogues kept on the tablet (issue 14): after each online load they are stored in the
 * browser (localStorage, per hostess), and offline the form uses the newest copy it has — the page's own (the
 * service worker's copy of the desk carries the catalogues it was rendered with) or the stored one — and says
 * from when they are. Catalogues are the chain's stores, offers, campaigns, channels and consultants: no
 * customer data.
 */
import type { CaptureCatalogues } from '@/lib/capture/catalogues';

export const CATALOGUES_KEY = 'storedesk.capture.catalogues';

export interface KeptCatalogues {
  /** When the console loaded them (ISO). */
  at: string;
  /** Whose desk they were loaded for (the stores differ between hostesses). */
  subject: string;
  catalogues: CaptureCatalogues;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Stored after an online load in which every catalogue came (a partial answer does not replace a full one). */
export function keepCatalogues(storage: StorageLike, kept: KeptCatalogues): boolean {
  if (kept.catalogues.unavailable.length > 0) return false;
  try {
    storage.setItem(CATALOGUES_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

export function readKeptCatalogues(storage: StorageLike, subject: string): KeptCatalogues | null {
  try {
    const raw = storage.getItem(CATALOGUES_KEY);
    if (!raw) return null;
    const kept = JSON.parse(raw) as KeptCatalogues;
    if (kept?.subject !== subject || typeof kept.at !== 'string' || !kept.catalogues || !Array.isArray(kept.catalogues.locations)) return null;
    return kept;
  } catch {
    return null;
  }
}

/** Offline: the newer of the page's catalogues and the tablet's (a full set wins over a partial one of the same age). */
export function offlineCatalogues(page: KeptCatalogues, kept: KeptCatalogues | null): KeptCatalogues {
  if (!kept) return page;
  if (Date.parse(kept.at) > Date.parse(page.at)) return kept;
  if (page.catalogues.unavailable.length > 0 && kept.catalogues.unavailable.length === 0) return kept;
  return page;
}
