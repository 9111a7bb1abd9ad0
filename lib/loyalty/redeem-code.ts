import 'server-only';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { enqueueNetcoreActivity } from '@/lib/marketing/enqueue-netcore-activity';
import { changeCode, type ChangeResult } from './change-code';
import { sendRedemptionCheckin, type CheckinView } from './checkin';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { netcoreRedeemedKeyOf } from './rules';

export const NETCORE_REDEEMED_ACTIVITY = 'Loyalty Code Redeemed';

export interface RedeemInput {
  campaignInternalId: string;
  email: string;
  phone: string;
  code: string;
  requestId: string;
}

/**
 * Redeems a customer's code once (see changeCode), then its follow-ups: the Netcore offline activity and
 * the loyalty engine's check-in, whose points the hostess reads to the customer. A failed follow-up never
 * turns a confirmed redemption into a failure: it stays queued.
 */
export async function redeemCode(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, input: RedeemInput): Promise<ChangeResult> {
  const { view, replayed, row, store } = await changeCode(db, deps, caller, { ...input, target: 'redeemed' });
  const when = row.createdAt;
  const netcoreQueued = await queueRedeemedActivity(db, { ...input, prize: view.prize, store, when, subject: caller.actor.id });
  const checkin = await sendRedemptionCheckin(db, {
    campaignInternalId: input.campaignInternalId,
    code: input.code,
    customerEmail: input.email,
    when,
    store,
    subject: caller.actor.id,
  }).catch((error: unknown): CheckinView => {
    log('warn', 'loyalty.checkin_failed', { error: error instanceof Error ? error : String(error) });
    return { state: 'pending', points: null, key: 'notSentYet', message: 'The loyalty check-in could not be sent yet; try “Send points again”.' };
  });
  return { code: view, replayed, netcoreQueued, checkin };
}

/** The Netcore offline activity of a redemption: once per code (the key), uploaded in the next batch. */
async function queueRedeemedActivity(
  db: Db,
  input: { campaignInternalId: string; code: string; email: string; prize: string | null; store: string | null; when: Date; subject: string },
): Promise<boolean> {
  try {
    await enqueueNetcoreActivity(db, {
      idempotencyKey: netcoreRedeemedKeyOf(input.campaignInternalId, input.code),
      activity: {
        activityName: NETCORE_REDEEMED_ACTIVITY,
        // Netcore's primary key for a contact is the e-mail the console captures.
        identity: input.email,
        timestamp: input.when,
        activitySource: 'STORE',
        params: {
          loyalty_code: input.code,
          campaign_id: input.campaignInternalId,
          prize: input.prize,
          store: input.store,
        },
      },
      subject: input.subject,
      correlation: `loyalty:${input.campaignInternalId}:${input.code}`,
    });
    return true;
  } catch (error) {
    // The code is redeemed already; a queue failure is logged, not shown as a failed redemption.
    log('error', 'loyalty.netcore_enqueue_failed', { error: error instanceof Error ? error : String(error) });
    return false;
  }
}
