/**
 * The console's vendor clients, built once from the validated configuration. The clients themselves
 * take their settings as arguments and never read config, the database or auth.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { createFootprintsClient, type FootprintsClient } from './footprints';
import { createLoyaltyClient, type LoyaltyClient } from './loyalty';
import { createNetcoreClient, type NetcoreClient } from './netcore';

interface Clients {
  footprints: FootprintsClient;
  netcore: NetcoreClient;
  loyalty: LoyaltyClient;
}

const globalForClients = globalThis as unknown as { __storedeskClients?: Clients };

function clients(): Clients {
  if (!globalForClients.__storedeskClients) {
    const c = getConfig();
    globalForClients.__storedeskClients = {
      footprints: createFootprintsClient({ ...c.footprints, timeoutMs: c.vendorTimeoutMs }),
      netcore: createNetcoreClient({ ...c.netcore, timeoutMs: c.vendorTimeoutMs, timeZone: c.storeTimezone }),
      // One client per process: it caches the OAuth token and shares one fetch among concurrent callers.
      loyalty: createLoyaltyClient({ ...c.loyalty, timeoutMs: c.vendorTimeoutMs }),
    };
  }
  return globalForClients.__storedeskClients;
}

export const getFootprintsClient = (): FootprintsClient => clients().footprints;
export const getNetcoreClient = (): NetcoreClient => clients().netcore;
export const getLoyaltyClient = (): LoyaltyClient => clients().loyalty;
