'use server';

import { defineAction, requestLanguage } from '@/lib/auth/action';
import { blockCode } from '@/lib/loyalty/block-code';
import { checkCode } from '@/lib/loyalty/check-code';
import { loyaltyDeps } from '@/lib/loyalty/deps';
import { exportCodes } from '@/lib/loyalty/export-codes';
import { getPrizeHistory } from '@/lib/loyalty/get-prize-history';
import {
  ActiveCampaignsInputSchema,
  AllCampaignsInputSchema,
  BlockCodeSchema,
  CheckCodeSchema,
  CodeRefSchema,
  CustomerSchema,
  ExportCodesInputSchema,
  ListCodesInputSchema,
  RedeemCodeSchema,
} from '@/lib/loyalty/inputs';
import { listCampaigns } from '@/lib/loyalty/list-campaigns';
import { listCodes } from '@/lib/loyalty/list-codes';
import { redeemCode } from '@/lib/loyalty/redeem-code';
import { resendCheckin } from '@/lib/loyalty/resend-checkin';
import { wakeOutboxWorker } from '@/lib/outbox';

/** The active campaigns, for the picker (hostess, manager). */
export const listActiveCampaignsAction = defineAction({
  name: 'loyalty.listActiveCampaigns',
  permission: 'loyalty.check',
  schema: ActiveCampaignsInputSchema,
  handler: async (_input, { session }) => listCampaigns(loyaltyDeps(), session.accessToken, 'active'),
});

/** Every campaign, past ones included (managers browsing). */
export const listAllCampaignsAction = defineAction({
  name: 'loyalty.listAllCampaigns',
  permission: 'loyalty.listCodes',
  schema: AllCampaignsInputSchema,
  handler: async (_input, { session }) => listCampaigns(loyaltyDeps(), session.accessToken, 'all'),
});

export const checkCodeAction = defineAction({
  name: 'loyalty.check',
  permission: 'loyalty.check',
  schema: CheckCodeSchema,
  handler: async (input, { session, db, actor }) => checkCode(db, loyaltyDeps(), { actor, accessToken: session.accessToken, stores: session.stores }, input),
});

export const redeemCodeAction = defineAction({
  name: 'loyalty.redeem',
  permission: 'loyalty.redeem',
  schema: RedeemCodeSchema,
  handler: async (input, { session, db, actor }) => {
    const result = await redeemCode(db, loyaltyDeps(), { actor, accessToken: session.accessToken, stores: session.stores }, input);
    wakeOutboxWorker();
    return result;
  },
});

export const blockCodeAction = defineAction({
  name: 'loyalty.block',
  permission: 'loyalty.block',
  schema: BlockCodeSchema,
  handler: async (input, { session, db, actor }) => blockCode(db, loyaltyDeps(), { actor, accessToken: session.accessToken, stores: session.stores }, input),
});

/** Sends a redemption's loyalty check-in again when the engine did not answer the first time (never twice). */
export const resendCheckinAction = defineAction({
  name: 'loyalty.resendCheckin',
  permission: 'loyalty.redeem',
  schema: CodeRefSchema,
  handler: async (input, { session, db, actor }) => resendCheckin(db, loyaltyDeps(), { actor, accessToken: session.accessToken, stores: session.stores }, input),
});

export const prizeHistoryAction = defineAction({
  name: 'loyalty.history',
  permission: 'loyalty.check',
  schema: CustomerSchema,
  handler: async (input, { session, db, actor }) => getPrizeHistory(db, loyaltyDeps(), { actor, accessToken: session.accessToken, stores: session.stores }, input),
});

export const listCodesAction = defineAction({
  name: 'loyalty.listCodes',
  permission: 'loyalty.listCodes',
  schema: ListCodesInputSchema,
  handler: async (input, { session, db, actor }) => listCodes(db, loyaltyDeps(), { actor, accessToken: session.accessToken, stores: session.stores }, session.stores, input),
});

/** CSV of every code matching the filter, with customers' contact data: managers only, audited. */
export const exportCodesAction = defineAction({
  name: 'loyalty.exportCodes',
  permission: 'loyalty.exportCodes',
  schema: ExportCodesInputSchema,
  handler: async ({ campaignInternalId, searchTerm, headers }, { session, db, actor }) => {
    // The person's language (i18n/request.ts) names the columns, unless they chose the English keys.
    const locale = await requestLanguage();
    return exportCodes(db, loyaltyDeps(), { actor, accessToken: session.accessToken, stores: session.stores }, session.stores, { campaignInternalId, searchTerm }, {
      headers,
      locale,
    });
  },
});
