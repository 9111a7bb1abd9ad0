/**
 * What the loyalty use cases need from the process, built in one place (the same shape in every feature:
 * lib/<feature>/deps.ts). Tests build their own LoyaltyDeps pointing at the sandbox.
 */
import 'server-only';
import type { AuditActor } from '@/lib/auth/action';
import type { StoreScope } from '@/lib/auth/stores';
import { getConfig } from '@/lib/config';
import { getFootprintsClient } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';

export interface LoyaltyDeps {
  footprints: FootprintsClient;
  /** The zone Footprints' wall-clock dates are in (the account's = the store's). */
  timeZone: string;
  now: () => Date;
  /** The vendor clients' timeout: a code's claim outlives the worst case of its Footprints calls (claims.ts). */
  vendorTimeoutMs?: number;
}

export function loyaltyDeps(): LoyaltyDeps {
  const config = getConfig();
  return { footprints: getFootprintsClient(), timeZone: config.storeTimezone, now: () => new Date(), vendorTimeoutMs: config.vendorTimeoutMs };
}

/** Who is acting: the audit actor and the Footprints token of their session. */
export interface LoyaltyCaller {
  actor: AuditActor;
  accessToken: string;
  /**
   * The session's stores (issue 12): a code of a campaign whose location is outside them answers like an
   * unknown one. Every action passes the session's; absent only in use-case tests and system jobs (all stores).
   */
  stores?: StoreScope;
}
