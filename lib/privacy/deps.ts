/**
 * What the privacy use cases need from the process, built in one place (the same shape in every feature:
 * lib/<feature>/deps.ts). Tests build their own PrivacyDeps pointing at the sandbox.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getFootprintsClient, getNetcoreClient } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import type { NetcoreClient } from '@/lib/vendors/netcore';
import { todayInZone } from '@/lib/dates';

export interface PrivacyDeps {
  netcore: Pick<NetcoreClient, 'getUserChannelActivity'>;
  footprints: Pick<FootprintsClient, 'getCustomer'>;
  /** The store's zone: Netcore's dates and the export's times are read in it. */
  timeZone: string;
  /** The store's calendar date (YYYY-MM-DD) at the moment of the call; the window rule refuses the future. */
  today: () => string;
}

export function privacyDeps(): PrivacyDeps {
  const timeZone = getConfig().storeTimezone;
  return { netcore: getNetcoreClient(), footprints: getFootprintsClient(), timeZone, today: () => todayInZone(timeZone) };
}
