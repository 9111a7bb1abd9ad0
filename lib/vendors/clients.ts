/**
 * The console's vendor clients, built once from the validated configuration. The clients themselves
 * take their settings as arguments and never read config, the database or auth.
 */
import 'server-only';
import { getConfig, type AppConfig } from '@/lib/config';
import { createFootprintsClient, type FootprintsClient, type FootprintsClientOptions } from './footprints';
import { createLoyaltyClient, type LoyaltyClient, type LoyaltyClientOptions } from './loyalty';
import { createNetcoreClient, type NetcoreClient, type NetcoreClientOptions } from './netcore';

export interface VendorClients {
  footprints: FootprintsClient;
  netcore: NetcoreClient;
  loyalty: LoyaltyClient;
}

/** Each client's settings from a configuration (tests and benches pass `loadConfig({ SANDBOX: '1', SANDBOX_ORIGIN })`). */
export function vendorClientOptions(c: AppConfig): { footprints: FootprintsClientOptions; netcore: NetcoreClientOptions; loyalty: LoyaltyClientOptions } {
  return {
    footprints: { ...c.footprints, timeoutMs: c.vendorTimeoutMs },
    netcore: { ...c.netcore, timeoutMs: c.vendorTimeoutMs, timeZone: c.storeTimezone },
    loyalty: { ...c.loyalty, timeoutMs: c.vendorTimeoutMs },
  };
}

export function createVendorClients(c: AppConfig): VendorClients {
  const options = vendorClientOptions(c);
  return {
    footprints: createFootprintsClient(options.footprints),
    netcore: createNetcoreClient(options.netcore),
    loyalty: createLoyaltyClient(options.loyalty),
  };
}

const globalForClients = globalThis as unknown as { __storedeskClients?: VendorClients };

// One set per process: the loyalty client caches its OAuth token and shares one fetch among callers.
function clients(): VendorClients {
  globalForClients.__storedeskClients ??= createVendorClients(getConfig());
  return globalForClients.__storedeskClients;
}

export const getFootprintsClient = (): FootprintsClient => clients().footprints;
export const getNetcoreClient = (): NetcoreClient => clients().netcore;
export const getLoyaltyClient = (): LoyaltyClient => clients().loyalty;
