/**
 * What the loyalty use cases need from the process, built in one place (the same shape in every feature:
 * lib/<feature>/deps.ts). Tests build their own LoyaltyDeps pointing at the sandbox.
 */
import 'server-only';
import type { AuditActor } from '@/lib/auth/action';
import { getConfig } from '@/lib/config';
import { getFootprintsClient } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';

export interface LoyaltyDeps {
  footprints: FootprintsClient;
  /** The zone Footprints' wall-clock dates are in (the account's = the store's). */
  timeZone: string;
  now: () => Date;
}

export function loyaltyDeps(): LoyaltyDeps {
  return { footprints: getFootprintsClient(), timeZone: getConfig().storeTimezone, now: () => new Date() };
}

/** Who is acting: the audit actor and the Footprints token of their session. */
export interface LoyaltyCaller {
  actor: AuditActor;
  accessToken: string;
}
