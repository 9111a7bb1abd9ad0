/**
 * What the pipeline's use cases need from the process, built in one place (the same shape in every
 * feature: lib/<feature>/deps.ts). Calls are made with the member of staff's own Footprints token, so the
 * deps are built per caller. Tests build their own LeadDeps pointing at the sandbox.
 */
import 'server-only';
import type { StaffSession } from '@/lib/auth/session';
import type { StoreScope } from '@/lib/auth/stores';
import { getConfig } from '@/lib/config';
import { getFootprintsClient } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';

export interface LeadDeps {
  client: FootprintsClient;
  /** The member of staff's Footprints token: calls are made on their behalf. */
  accessToken: string;
  /** The caller's stores, from the session (never from the browser): reads are filtered, changes outside refused. */
  scope: StoreScope;
  timeZone: string;
  now?: () => Date;
  /** The vendor client's timeout (a sync's lease outlives its worst page: lib/leads/sync.ts). */
  vendorTimeoutMs?: number;
}

export function leadsDeps(session: Pick<StaffSession, 'accessToken' | 'stores'>): LeadDeps {
  const config = getConfig();
  return { client: getFootprintsClient(), accessToken: session.accessToken, scope: session.stores, timeZone: config.storeTimezone, vendorTimeoutMs: config.vendorTimeoutMs };
}
