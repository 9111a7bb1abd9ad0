/**
 * The capture form's selections, from Footprints' catalogue endpoints: locations, offer categories, offers
 * (with their category, so the form filters them), offline campaigns, channels and consultants (business
 * users). Loaded by the page on the server — never while the hostess types — and cached in-process for a
 * short while per token scope (hostess / staff), since catalogues are the account's, not a person's.
 * Each catalogue loads on its own: one that fails is reported by name, the others still fill the form, and
 * a failure is not cached.
 */
import 'server-only';
import { log } from '@/lib/log';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';

export const CATALOGUE_TTL_MS = 60_000;

export interface CatalogueOption {
  id: string;
  label: string;
}
export interface OfferOption extends CatalogueOption {
  categoryId: string | null;
}

export interface CaptureCatalogues {
  locations: CatalogueOption[];
  offerCategories: CatalogueOption[];
  offers: OfferOption[];
  offlineCampaigns: CatalogueOption[];
  channels: CatalogueOption[];
  consultants: CatalogueOption[];
  /** Names of the catalogues that could not be loaded (the form still works without them). */
  unavailable: CatalogueName[];
}

export const CATALOGUE_LABELS = {
  locations: 'locations',
  offerCategories: 'offer categories',
  offers: 'offers',
  offlineCampaigns: 'offline campaigns',
  channels: 'channels',
  consultants: 'consultants',
} as const;
export type CatalogueName = keyof typeof CATALOGUE_LABELS;

type Loaded = Omit<CaptureCatalogues, 'unavailable'>;
type Entry<K extends CatalogueName> = { value: Loaded[K]; expiresAt: number };

const globalForCache = globalThis as unknown as { __storedeskCaptureCatalogues?: Map<string, Entry<CatalogueName>> };
function cache(): Map<string, Entry<CatalogueName>> {
  globalForCache.__storedeskCaptureCatalogues ??= new Map();
  return globalForCache.__storedeskCaptureCatalogues;
}

/** Forgets every cached catalogue (tests). */
export function clearCatalogueCache(): void {
  cache().clear();
}

const byLabel = (a: CatalogueOption, b: CatalogueOption) => a.label.localeCompare(b.label);

function loaders(client: FootprintsClient, token: string): { [K in CatalogueName]: () => Promise<Loaded[K]> } {
  return {
    locations: async () => (await client.listLocations(token)).map((l) => ({ id: l._id, label: l.name })).sort(byLabel),
    offerCategories: async () => (await client.listAll(token, 'offerCategories')).map((c) => ({ id: c._id, label: c.name })).sort(byLabel),
    offers: async () =>
      (await client.listAll(token, 'offers')).map((o) => ({ id: o._id, label: o.name, categoryId: o.offerCategory?._id ?? null })).sort(byLabel),
    offlineCampaigns: async () => (await client.listOfflineCampaigns(token)).map((c) => ({ id: c._id, label: c.name })).sort(byLabel),
    channels: async () => (await client.listChannels(token)).map((c) => ({ id: c._id, label: c.name })).sort(byLabel),
    consultants: async () =>
      (await client.listBusinessUsers(token))
        .map((u) => ({ id: u._id, label: [u.firstName, u.lastName].filter(Boolean).join(' ') || u.email || u._id }))
        .sort(byLabel),
  };
}

function overBudget(ms: number, name: string): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} took longer than ${ms} ms`)), ms);
    timer.unref?.();
  });
}

/** The location's name from the cache alone (never a vendor call), for the consent proof. */
export function cachedLocationName(scope: string, locationId: string): string | null {
  if (!locationId) return null;
  const hit = cache().get(`${scope}:locations`) as Entry<'locations'> | undefined;
  return hit?.value.find((l) => l.id === locationId)?.label ?? null;
}

export async function loadCaptureCatalogues(
  client: FootprintsClient,
  accessToken: string,
  scope: string,
  opts: { now?: () => number; ttlMs?: number; budgetMs?: number } = {},
): Promise<CaptureCatalogues> {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? CATALOGUE_TTL_MS;
  const load = loaders(client, accessToken);
  const names = Object.keys(CATALOGUE_LABELS) as CatalogueName[];
  const results = await Promise.all(
    names.map(async (name) => {
      const key = `${scope}:${name}`;
      const hit = cache().get(key);
      if (hit && hit.expiresAt > now()) return [name, hit.value] as const;
      try {
        const loading = load[name]().then((value) => {
          cache().set(key, { value, expiresAt: now() + ttl });
          return value;
        });
        // A slow vendor must not hold the page: past the budget the catalogue is reported as unavailable
        // (it keeps loading and fills the cache for the next visit).
        const value = opts.budgetMs === undefined ? await loading : await Promise.race([loading, overBudget(opts.budgetMs, name)]);
        return [name, value] as const;
      } catch (error) {
        log('warn', 'capture.catalogue_unavailable', {
          catalogue: name,
          error: error instanceof VendorError ? error.toJSON() : error instanceof Error ? error.message : String(error),
        });
        // A stale copy is better than none while Footprints has a bad minute.
        if (hit) return [name, hit.value] as const;
        return [name, null] as const;
      }
    }),
  );
  const out: CaptureCatalogues = {
    locations: [],
    offerCategories: [],
    offers: [],
    offlineCampaigns: [],
    channels: [],
    consultants: [],
    unavailable: [],
  };
  for (const [name, value] of results) {
    if (value === null) out.unavailable.push(name);
    else (out as unknown as Record<CatalogueName, unknown>)[name] = value;
  }
  return out;
}
